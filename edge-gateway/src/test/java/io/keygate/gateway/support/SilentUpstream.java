package io.keygate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream that accepts connections and never answers: a target that hangs, for read timeouts. It keeps the
 * connections open until closed.
 */
public final class SilentUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentUpstream(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptForever, "silent-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts on a free port of the loopback interface. */
    public static SilentUpstream start() {
        try {
            return new SilentUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL to use as a route's upstream. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
