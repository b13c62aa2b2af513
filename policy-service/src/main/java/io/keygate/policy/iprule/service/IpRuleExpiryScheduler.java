package io.keygate.policy.iprule.service;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.policy.iprule.config.IpRuleConfig;
import io.keygate.policy.iprule.store.IpRuleProjection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Ends IP rules by event, as token-service's {@code ApiKeyExpiryScheduler} ends keys: every
 * {@code keygate.ip-rule.expiry-check-interval} it reads the rules past their expiry from the read model and sends
 * each an {@code ExpireIpRule} through the aggregate.
 *
 * <p>Exactly once across replicas and restarts without a lock or a leader: the aggregate emits nothing for a rule
 * that is no longer active, and two replicas deciding on the same version collide on the event store's unique
 * (aggregate id, version); the loser's {@link ConcurrencyConflictException} is ignored. No state of its own.
 */
@ApplicationScoped
public class IpRuleExpiryScheduler {

    private static final Logger LOG = Logger.getLogger(IpRuleExpiryScheduler.class);
    static final String CORRELATION_ID = "ip-rule-expiry";

    private final IpRuleService service;
    private final IpRuleProjection projection;
    private final IpRuleConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    IpRuleExpiryScheduler(IpRuleService service, IpRuleProjection projection, IpRuleConfig config, Vertx vertx) {
        this.service = service;
        this.projection = projection;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (config.expiryCheckInterval().isZero()) {
            LOG.info("IP rule expiry is off (keygate.ip-rule.expiry-check-interval=0)");
            return;
        }
        timerId = vertx.setPeriodic(config.expiryCheckInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** A tick while the previous pass still runs is skipped rather than piling passes up. */
    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        runOnce()
                .onTermination()
                .invoke(() -> running.set(false))
                .subscribe()
                .with(count -> {}, failure -> LOG.warnf(failure, "IP rule expiry failed; the next pass retries"));
    }

    /**
     * One pass: expires every rule due at the time of the call, up to the batch size.
     *
     * @return the number of events this pass appended (0 when another replica was first)
     */
    public Uni<Integer> runOnce() {
        return projection
                .findExpiryDue(clock.instant(), config.expiryBatchSize())
                .chain(rules -> Multi.createFrom()
                        .iterable(rules)
                        .onItem()
                        .transformToUniAndConcatenate(rule -> service.expire(rule, CORRELATION_ID)
                                .onFailure(ConcurrencyConflictException.class)
                                .recoverWithItem(false)
                                .onFailure()
                                .invoke(failure -> LOG.warnf(
                                        failure, "Expiry of IP rule %s failed; retried next pass", rule.ruleId()))
                                .onFailure()
                                .recoverWithItem(false))
                        .collect()
                        .asList()
                        .map(results -> (int)
                                results.stream().filter(Boolean::booleanValue).count()));
    }
}
