package io.keygate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The servers of one JVM, each started on first use and stopped when the JVM exits. Test classes of a
 * module share them (keep test data apart by unique ids); a test that needs only Kafka starts only Kafka.
 */
public final class Testkit {

    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static RedisServer redis;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Testkit::stopAll, "testkit-shutdown"));
    }

    private Testkit() {}

    /** The shared Kafka broker, started if needed. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null || !kafka.isRunning()) {
            kafka = started(KafkaBroker::start);
        }
        return kafka;
    }

    /** The shared PostgreSQL server, started if needed. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = started(PostgresServer::start);
        }
        return postgres;
    }

    /** The shared Redis server, started if needed. */
    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = started(RedisServer::start);
        }
        return redis;
    }

    /** Stops every server this JVM started, newest first. Runs at JVM exit; safe to call earlier. */
    public static synchronized void stopAll() {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception e) {
                // Keep stopping the others.
            }
        }
        STARTED.clear();
        kafka = null;
        postgres = null;
        redis = null;
    }

    private static <T extends AutoCloseable> T started(Supplier<T> starter) {
        T server = starter.get();
        STARTED.add(server);
        return server;
    }
}
