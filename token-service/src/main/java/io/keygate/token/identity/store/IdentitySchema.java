package io.keygate.token.identity.store;

import io.keygate.token.store.SchemaScripts;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** Creates the identity tables at start, after the event store's (10) and before the first admin is bootstrapped. */
@ApplicationScoped
public class IdentitySchema {

    private final Pool pool;

    IdentitySchema(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(18) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/identity/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
