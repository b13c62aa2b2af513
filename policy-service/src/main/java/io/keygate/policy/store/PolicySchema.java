package io.keygate.policy.store;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Creates the policy-service's read-model tables at start, after the event store's (priority 10): the APIs' and
 * routes' first, then each feature's own script, in an order where a table exists before one that names it.
 */
@ApplicationScoped
public class PolicySchema {

    private final Pool pool;

    PolicySchema(Pool pool) {
        this.pool = pool;
    }

    private static final List<String> SCRIPTS = List.of(
            "/io/keygate/policy/schema.sql",
            "/io/keygate/policy/iprule/schema.sql",
            "/io/keygate/policy/tokenpolicy/schema.sql",
            "/io/keygate/policy/subscription/schema.sql",
            "/io/keygate/policy/application/schema.sql",
            "/io/keygate/policy/alertpolicy/schema.sql");

    void create(@Observes @Priority(15) StartupEvent startup) {
        for (String script : SCRIPTS) {
            pool.query(resource(script)).execute().await().atMost(Duration.ofSeconds(30));
        }
    }

    private static String resource(String name) {
        try (InputStream in = PolicySchema.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
