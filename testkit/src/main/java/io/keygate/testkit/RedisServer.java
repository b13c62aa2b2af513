package io.keygate.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server (the {@code redis-server} binary shipped in a Maven Central jar) on a free
 * loopback port, without persistence.
 */
public final class RedisServer implements AutoCloseable {

    private final RunDirectory dir;
    private final redis.embedded.RedisServer server;
    private final int port;

    private RedisServer(RunDirectory dir, redis.embedded.RedisServer server, int port) {
        this.dir = dir;
        this.server = server;
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static RedisServer start() {
        RunDirectory dir = RunDirectory.create("redis");
        int port = FreePorts.next();
        Path pidFile = dir.path().resolve("redis.pid");
        try {
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.path())
                    .setting("pidfile " + pidFile)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("daemonize no")
                    .build();
            server.start();
            recordPid(dir, pidFile);
            return new RedisServer(dir, server, port);
        } catch (IOException e) {
            dir.delete();
            throw new ServerStartException("Redis did not start in " + dir, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** A URL for {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            // The directory goes anyway.
        } finally {
            dir.delete();
        }
    }

    private static void recordPid(RunDirectory dir, Path pidFile) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (Files.exists(pidFile)) {
            dir.recordServerPid(
                    "redis", Long.parseLong(Files.readString(pidFile).trim()));
        }
    }
}
