package io.keygate.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL server; sets the reactive datasource URL, user and password
 * (database {@code postgres}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = Testkit.postgres();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(PostgresServer.DEFAULT_DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped when the test JVM exits.
    }
}
