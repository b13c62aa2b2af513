package io.keygate.token.apikey.service;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.apikey.store.DueApiKey;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.schedule.PeriodicPass;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Ends keys and grace periods by event: every {@code keygate.api-key.expiry-check-interval} it reads the
 * keys that are due from the read model and sends each one its command through the aggregate. Between two periodic
 * passes it runs one at the soonest time a key falls due (read after each pass, and told by this instance's commands
 * of keys due sooner), so an event follows its key's expiry or grace end by milliseconds, not by up to an interval.
 *
 * <p>Exactly once across replicas and restarts without a lock or a leader: the aggregate emits nothing
 * for a key that is no longer due (already expired, rotation already completed), and when two replicas
 * decide on the same version, the event store's unique (aggregate id, version) lets one append and
 * turns the other into a {@link ConcurrencyConflictException}, which is ignored here. The scheduler keeps
 * no state of its own, so a restart simply runs the next pass.
 */
@ApplicationScoped
public class ApiKeyExpiryScheduler {

    private static final Logger LOG = Logger.getLogger(ApiKeyExpiryScheduler.class);
    static final String CORRELATION_ID = "api-key-expiry";

    private final ApiKeyService service;
    private final ApiKeyProjection projection;
    private final TokenServiceConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final PeriodicPass periodic;

    ApiKeyExpiryScheduler(ApiKeyService service, ApiKeyProjection projection, TokenServiceConfig config, Vertx vertx) {
        this.service = service;
        this.projection = projection;
        this.config = config;
        this.vertx = vertx;
        this.periodic = new PeriodicPass("API key expiry", this::runOnce, count -> {
            if (count > 0) {
                LOG.debugf("Expiry pass appended %d events", count);
            }
        });
    }

    void start(@Observes StartupEvent startup) {
        periodic.start(vertx, config.expiryCheckInterval(), "keygate.api-key.expiry-check-interval");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop(vertx);
    }

    /**
     * One pass: expires every key due at the time of the call and completes every rotation whose grace
     * period ended, up to the configured batch size of each.
     *
     * @return the number of events this pass appended (0 when another replica was first)
     */
    public Uni<Integer> runOnce() {
        Instant now = clock.instant();
        int batch = config.expiryBatchSize();
        AtomicBoolean fullBatch = new AtomicBoolean();
        Uni<Integer> expired = projection.findExpiryDue(now, batch).chain(keys -> {
            fullBatch.compareAndSet(false, keys.size() >= batch);
            return each(keys, key -> service.expire(key.tenantId(), key.keyId(), CORRELATION_ID));
        });
        return expired.chain(count -> projection
                        .findGraceEndDue(now, batch)
                        .chain(keys -> {
                            fullBatch.compareAndSet(false, keys.size() >= batch);
                            return each(
                                    keys, key -> service.completeRotation(key.tenantId(), key.keyId(), CORRELATION_ID));
                        })
                        .map(completed -> count + completed))
                .call(count -> fullBatch.get() && count > 0
                        // A full batch may have left due keys behind: the next pass at once (not when nothing
                        // went, as when every key failed: that waits for the next periodic pass).
                        ? Uni.createFrom().voidItem().invoke(() -> planPassAt(clock.instant()))
                        : projection.findNextDue(now).invoke(this::planPassAt));
    }

    /** Heard from this instance's commands: a key falls due at a time the periodic passes may only reach later. */
    void onKeyDue(@Observes ApiKeyDue due) {
        planPassAt(due.at());
    }

    /** Plans a pass at {@code at} if it comes before the next periodic pass would (null: nothing due). */
    private void planPassAt(Instant at) {
        if (at != null && at.isBefore(clock.instant().plus(config.expiryCheckInterval()))) {
            periodic.runAt(vertx, at);
        }
    }

    /** Runs the command of each due key one after the other, counting those that appended an event. */
    private static Uni<Integer> each(
            java.util.List<DueApiKey> keys, java.util.function.Function<DueApiKey, Uni<Boolean>> command) {
        return Multi.createFrom()
                .iterable(keys)
                .onItem()
                .transformToUniAndConcatenate(key -> command.apply(key)
                        .onFailure(ConcurrencyConflictException.class)
                        .recoverWithItem(false)
                        .onFailure()
                        .invoke(failure ->
                                LOG.warnf(failure, "Expiry of API key %s failed; retried next pass", key.keyId()))
                        .onFailure()
                        .recoverWithItem(false))
                .collect()
                .asList()
                .map(results ->
                        (int) results.stream().filter(Boolean::booleanValue).count());
    }
}
