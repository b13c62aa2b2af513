package io.keygate.token.oauth.service;

import io.keygate.token.oauth.config.OAuthConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps a signing key available: at start (after the outbox relay runs, so the first key can be
 * published) it publishes one if none is active, and it periodically retires superseded keys whose
 * tokens have all expired.
 */
@ApplicationScoped
public class SigningKeySchedule {

    private static final Logger LOG = Logger.getLogger(SigningKeySchedule.class);

    private final SigningKeyService service;
    private final OAuthConfig config;
    private final Vertx vertx;
    private long timer = -1;

    SigningKeySchedule(SigningKeyService service, OAuthConfig config, Vertx vertx) {
        this.service = service;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes @Priority(30) StartupEvent startup) {
        if (config.tokenLifetime().compareTo(io.keygate.token.oauth.config.OAuthConfig.MAX_TOKEN_LIFETIME) > 0
                || config.tokenLifetime().isNegative()
                || config.tokenLifetime().isZero()) {
            throw new IllegalStateException("keygate.oauth.token-lifetime must be between 1s and 1h");
        }
        if (!config.signingKeys().maintained()) {
            return;
        }
        Duration wait = config.signingKeys().publicationTimeout().plusSeconds(30);
        if (!service.hasSigningKey().await().atMost(wait)) {
            service.rotate("startup-" + UUID.randomUUID()).await().atMost(wait);
        }
        timer = vertx.setPeriodic(config.signingKeys().retirementCheckInterval().toMillis(), id -> retire());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void retire() {
        service.retireExpired(Instant.now())
                .subscribe()
                .with(
                        retired -> {},
                        failure -> LOG.warnf(
                                "Signing-key retirement failed, retrying on the next check: %s", failure.toString()));
    }
}
