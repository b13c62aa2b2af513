package io.keygate.token.identity.bootstrap;

import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserState;
import io.keygate.eventstore.EventMetadata;
import io.keygate.eventstore.EventStore;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.OneTimeTokens;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.password.PasswordHasher;
import io.keygate.token.identity.store.UserCredentialStore;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.User;
import io.keygate.token.identity.user.UserCommand.BootstrapAdmin;
import io.keygate.token.identity.user.UserService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The first start creates one platform admin when there is no user at all: its one-time password comes from
 * {@code keygate.identity.bootstrap.admin-password} (env {@code KEYGATE_BOOTSTRAP_ADMIN_PASSWORD}) or is generated and
 * printed once on standard output (not the log, which is shipped and kept). The first login must set a new password
 * and enrol TOTP. Safe with several replicas starting together: a transaction-scoped advisory lock serialises the
 * check and the creation, so exactly one admin is created.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    /** Advisory lock key of the bootstrap ("kgboot" in ASCII). */
    private static final long BOOTSTRAP_LOCK = 0x6b67626f6f74L;

    private final EventStore store;
    private final UserProjection users;
    private final UserCredentialStore credentials;
    private final IdentityConfig config;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock = Clock.systemUTC();
    private final PrintStream console = System.out;

    AdminBootstrap(EventStore store, UserProjection users, UserCredentialStore credentials, IdentityConfig config) {
        this.store = store;
        this.users = users;
        this.credentials = credentials;
        this.config = config;
    }

    void bootstrap(@Observes @Priority(19) StartupEvent startup) {
        if (!config.bootstrap().enabled()) {
            return;
        }
        String configured = config.bootstrap().adminPassword().orElse(null);
        String password =
                configured != null ? configured : OneTimeTokens.newToken("").substring(0, 24);
        String email = UserService.normalise(config.bootstrap().adminEmail());
        UserState created = createIfNoUser(email, hasher.hash(password)).await().atMost(Duration.ofSeconds(30));
        if (created == null) {
            return;
        }
        LOG.infof(
                "Created the first platform admin %s (%s); the first login must change its password",
                created.userId(), email);
        if (configured == null) {
            console.println();
            console.println("Keygate first start: platform admin " + email + ", one-time password " + password);
            console.println("(shown only now; the first login replaces it and enrols TOTP)");
            console.println();
        }
    }

    /** Creates the admin if there is no user; returns it, or null if a user existed. */
    Uni<UserState> createIfNoUser(String email, String passwordHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BootstrapAdmin command = new BootstrapAdmin(IdentityIds.newUserId(), email, now);
        return store.inTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(BOOTSTRAP_LOCK))
                .chain(() -> credentials.anyUser(tx))
                .chain(any -> {
                    if (any) {
                        return Uni.createFrom().<UserState>nullItem();
                    }
                    List<UserEvent> events = User.decide(command, null);
                    UserState admin = User.DECIDER.replay(events);
                    EventMetadata metadata = new EventMetadata(now, null, null, "system", null);
                    return store.appendDecided(tx, User.AGGREGATE_TYPE, 0, events, metadata)
                            .chain(() -> users.upsert(tx, admin, events.size()))
                            .chain(() -> credentials.create(tx, admin.userId(), null, passwordHash))
                            .replaceWith(admin);
                }));
    }
}
