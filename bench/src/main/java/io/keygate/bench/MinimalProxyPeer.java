package io.keygate.bench;

import io.keygate.testkit.ChildProcesses;
import io.keygate.testkit.LogTail;
import io.keygate.testkit.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line (m): {@link MinimalVertxProxy} in its own JVM, with the gateway's JVM options. */
final class MinimalProxyPeer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private MinimalProxyPeer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param jvmOptions space-separated JVM options, the gateway's
     * @param eventLoops event loops (and verticles), as many as the gateway has
     */
    static MinimalProxyPeer start(RunDirectory run, int port, int upstreamPort, String jvmOptions, int eventLoops) {
        Path log = run.path().resolve("minimal-vertx-proxy.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                MinimalVertxProxy.class.getName(),
                Integer.toString(port),
                Integer.toString(upstreamPort),
                Integer.toString(eventLoops)));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            run.recordServerPid("minimal-vertx-proxy", process.pid());
            MinimalProxyPeer peer = new MinimalProxyPeer(process, port, log);
            peer.awaitListening();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the minimal Vert.x proxy", e);
        }
    }

    private void awaitListening() {
        try {
            Listening.await("The minimal Vert.x proxy", process, port, START_TIMEOUT, () -> LogTail.of(log, 20));
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    /** Its process. */
    long pid() {
        return process.pid();
    }

    /** Its URL. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
}
