package io.keygate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for a peer process the bench started to accept connections. */
final class Listening {

    private Listening() {}

    /**
     * Returns once {@code port} accepts a connection.
     *
     * @param logs what to show of the process's logs when it exits or never listens
     * @throws IllegalStateException when the process exits first or the timeout passes
     */
    static void await(String name, Process process, int port, Duration timeout, Supplier<String> logs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + logs.get());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException(name + " not listening on " + port + " after " + timeout + logs.get());
    }
}
