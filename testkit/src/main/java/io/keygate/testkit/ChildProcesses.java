package io.keygate.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the server and service processes the testkit and the suite start. */
public final class ChildProcesses {

    private static final Duration FORCE_WAIT = Duration.ofSeconds(5);

    private ChildProcesses() {}

    /** Asks the process to stop (SIGTERM, so it can shut down cleanly), and kills it after {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(FORCE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
