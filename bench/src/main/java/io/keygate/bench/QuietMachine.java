package io.keygate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits until the machine is quiet before a measured line: after a service run, PostgreSQL's checkpointer writes the
 * run's dirty pages, the JVM that stopped and the page cache's writeback keep cores busy for a while, and a line
 * started then measures them too. Reads the busy share of all cores from {@code /proc/stat} (Linux); elsewhere it
 * does not wait.
 */
final class QuietMachine {

    private static final Path STAT = Path.of("/proc/stat");

    /** Share of all cores busy below which the machine counts as quiet. */
    private static final double QUIET = 0.10;

    private static final Duration SAMPLE = Duration.ofSeconds(1);

    private QuietMachine() {}

    /**
     * Returns once two one-second samples in a row were quiet, or after {@code atMost}.
     *
     * @return how long it waited
     */
    static Duration await(Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long[] before = cpuTimes();
        if (before == null) {
            return Duration.ZERO;
        }
        int quietSamples = 0;
        while (quietSamples < 2 && System.nanoTime() < deadline) {
            Thread.sleep(SAMPLE.toMillis());
            long[] after = cpuTimes();
            long total = after[0] - before[0];
            long idle = after[1] - before[1];
            quietSamples = total > 0 && (double) (total - idle) / total < QUIET ? quietSamples + 1 : 0;
            before = after;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits (see {@link #await}) and prints for how long, before {@code what}. */
    static void awaitBefore(String what) throws InterruptedException {
        Duration waited = await(Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "(machine quiet after %.1f s, before %s)%n", waited.toMillis() / 1000.0, what);
    }

    /** All cores' total and idle (idle + iowait) jiffies since boot, or null where there is no /proc/stat. */
    private static long[] cpuTimes() {
        try {
            String cpu = Files.readAllLines(STAT).get(0);
            String[] fields = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
