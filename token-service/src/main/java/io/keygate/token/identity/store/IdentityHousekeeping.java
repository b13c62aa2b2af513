package io.keygate.token.identity.store;

import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.schedule.PeriodicPass;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes the identity rows nothing can use any more, so the tables stay as small as the live state: login challenges
 * and passkey registration challenges past their expiry, the refresh tokens of sessions that ended or expired (a reused one of those is refused either
 * way), and lockout counters whose failures are forgotten and whose lock is over. Every
 * {@code keygate.identity.housekeeping.interval}; plain time-bounded deletes, safe on several replicas at once.
 */
@ApplicationScoped
public class IdentityHousekeeping {

    /** {@code keygate.identity.housekeeping.*} (env {@code KEYGATE_IDENTITY_HOUSEKEEPING_*}). */
    @ConfigMapping(prefix = "keygate.identity.housekeeping")
    public interface Config {

        /** How often the pass runs; 0 turns it off. */
        @WithDefault("10M")
        Duration interval();
    }

    /** What one pass deleted. */
    public record Purged(int challenges, int refreshTokens, int throttles) {

        int total() {
            return challenges + refreshTokens + throttles;
        }
    }

    private static final Logger LOG = Logger.getLogger(IdentityHousekeeping.class);

    private final Pool pool;
    private final IdentityConfig identity;
    private final Config config;
    private final Vertx vertx;
    private final PeriodicPass periodic;
    private final Clock clock = Clock.systemUTC();

    IdentityHousekeeping(Pool pool, IdentityConfig identity, Config config, Vertx vertx) {
        this.pool = pool;
        this.identity = identity;
        this.config = config;
        this.vertx = vertx;
        this.periodic = new PeriodicPass(
                "Identity housekeeping", () -> runOnce(clock.instant()).map(Purged::total), count -> {
                    if (count > 0) {
                        LOG.debugf("Identity housekeeping deleted %d unusable rows", count);
                    }
                });
    }

    void start(@Observes StartupEvent startup) {
        periodic.start(vertx, config.interval(), "keygate.identity.housekeeping.interval");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop(vertx);
    }

    /** One pass as of {@code now}. */
    public Uni<Purged> runOnce(Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        var forgotten = now.minus(identity.lockout().failureWindow()).atOffset(ZoneOffset.UTC);
        Uni<Integer> challenges = pool.preparedQuery("DELETE FROM login_challenge WHERE expires_at < $1")
                .execute(Tuple.of(at))
                .map(rows -> rows.rowCount())
                .chain(logins -> pool.preparedQuery("DELETE FROM passkey_registration WHERE expires_at < $1")
                        .execute(Tuple.of(at))
                        .map(rows -> logins + rows.rowCount()));
        Uni<Integer> refreshTokens =
                pool.preparedQuery("""
                        DELETE FROM session_refresh_token t USING user_session s
                        WHERE t.session_id = s.session_id AND (s.status <> 'ACTIVE' OR s.expires_at < $1)""").execute(Tuple.of(at)).map(rows -> rows.rowCount());
        Uni<Integer> throttles =
                pool.preparedQuery("""
                        DELETE FROM login_throttle
                        WHERE last_failure_at < $2 AND (locked_until IS NULL OR locked_until < $1)""").execute(Tuple.of(at, forgotten)).map(rows -> rows.rowCount());
        return challenges.chain(c -> refreshTokens.chain(r -> throttles.map(t -> new Purged(c, r, t))));
    }
}
