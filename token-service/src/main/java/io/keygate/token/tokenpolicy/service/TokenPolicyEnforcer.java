package io.keygate.token.tokenpolicy.service;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.token.apikey.service.ApiKeyService;
import io.keygate.token.apikey.store.DueApiKey;
import io.keygate.token.schedule.PeriodicPass;
import io.keygate.token.tokenpolicy.config.TokenPolicyConfig;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicy;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicyStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Brings existing keys into line with their tenant's token policy, by events through the API-key aggregate, in
 * batches: every key is its own command and transaction, never one transaction over a tenant.
 *
 * <p>Safe to run any number of times, on any number of replicas: the aggregate emits nothing for a key that
 * already complies (so a redelivered policy, a restart halfway through, or a second replica changes nothing),
 * and two replicas deciding on the same key version collide on the event store's unique (aggregate id, version).
 * A policy version is marked aligned only after a pass over every active key of the tenant with no failure; until
 * then each periodic pass runs it again.
 */
@ApplicationScoped
public class TokenPolicyEnforcer {

    private static final Logger LOG = Logger.getLogger(TokenPolicyEnforcer.class);
    static final String CORRELATION_ID = "token-policy";

    private final ApiKeyService keys;
    private final TenantTokenPolicyStore policies;
    private final TokenPolicyConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final PeriodicPass periodic;

    TokenPolicyEnforcer(ApiKeyService keys, TenantTokenPolicyStore policies, TokenPolicyConfig config, Vertx vertx) {
        this.keys = keys;
        this.policies = policies;
        this.config = config;
        this.vertx = vertx;
        this.periodic = new PeriodicPass("Token policy enforcement", this::runOnce, count -> {
            if (count > 0) {
                LOG.debugf("Token policy pass brought %d keys into line", count);
            }
        });
    }

    void start(@Observes StartupEvent startup) {
        periodic.start(vertx, config.checkInterval(), "keygate.token-policy.check-interval");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop(vertx);
    }

    /**
     * One pass: aligns every tenant whose policy is not yet applied to all its keys, then handles keys whose
     * secret aged into a rotation warning or a forced expiry.
     *
     * @return the number of keys that got events
     */
    public Uni<Integer> runOnce() {
        return policies.findUnaligned(config.batchSize())
                .chain(unaligned -> sum(unaligned, this::align))
                .chain(aligned -> policies.findWithMaxKeyAge()
                        .chain(aging -> sum(aging, this::enforceKeyAge))
                        .map(aged -> aligned + aged));
    }

    /**
     * Applies a tenant's policy to each of its active keys, a batch of keys at a time, and marks the version
     * aligned if every key was handled.
     *
     * @return the number of keys that got events
     */
    public Uni<Integer> align(TenantTokenPolicy policy) {
        return alignFrom(policy, "", 0, 0).chain(result -> {
            if (result.failures() > 0) {
                LOG.warnf(
                        "Token policy v%d of tenant %s: %d keys not yet aligned; the next pass retries",
                        policy.policy().version(), policy.policy().tenantId(), result.failures());
                return Uni.createFrom().item(result.changed());
            }
            return policies.markAligned(
                            policy.policy().tenantId(), policy.policy().version())
                    .replaceWith(result.changed());
        });
    }

    private record Progress(int changed, int failures) {}

    private Uni<Progress> alignFrom(TenantTokenPolicy policy, String afterKeyId, int changed, int failures) {
        return policies.activeKeys(policy.policy().tenantId(), afterKeyId, config.batchSize())
                .chain(batch -> apply(policy, batch).chain(progress -> {
                    Progress total = new Progress(changed + progress.changed(), failures + progress.failures());
                    if (batch.size() < config.batchSize()) {
                        return Uni.createFrom().item(total);
                    }
                    return alignFrom(policy, batch.get(batch.size() - 1).keyId(), total.changed(), total.failures());
                }));
    }

    private Uni<Integer> enforceKeyAge(TenantTokenPolicy policy) {
        Duration maxAge = policy.policy().maxKeyAge();
        Instant now = clock.instant();
        Instant expireBefore = now.minus(maxAge);
        Instant warnBefore = expireBefore.plus(Duration.ofDays(policy.policy().rotationWarningDays()));
        return policies.agingKeys(
                        policy.policy().tenantId(),
                        warnBefore,
                        policy.policy().forceExpiryWhenTooOld(),
                        expireBefore,
                        config.batchSize())
                .chain(batch -> apply(policy, batch))
                .map(Progress::changed);
    }

    /** Applies the policy to each key one after the other; a conflict is retried once, then left for later. */
    private Uni<Progress> apply(TenantTokenPolicy policy, List<DueApiKey> batch) {
        return Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndConcatenate(key -> keys.applyTokenPolicy(key.keyId(), policy, CORRELATION_ID)
                        .onFailure(ConcurrencyConflictException.class)
                        .retry()
                        .atMost(1)
                        .map(changed -> changed ? 1 : 0)
                        .onFailure()
                        .invoke(failure -> LOG.warnf(
                                failure, "Token policy not applied to key %s yet; retried next pass", key.keyId()))
                        .onFailure()
                        .recoverWithItem(-1))
                .collect()
                .asList()
                .map(results ->
                        new Progress((int) results.stream().filter(r -> r == 1).count(), (int)
                                results.stream().filter(r -> r < 0).count()));
    }

    private static <T> Uni<Integer> sum(List<T> items, Function<T, Uni<Integer>> each) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> each.apply(item))
                .collect()
                .asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
