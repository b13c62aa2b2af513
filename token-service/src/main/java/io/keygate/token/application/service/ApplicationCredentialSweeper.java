package io.keygate.token.application.service;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.token.apikey.service.ApiKeyService;
import io.keygate.token.application.config.ApplicationConfig;
import io.keygate.token.application.store.CredentialRef;
import io.keygate.token.application.store.DeletedApplicationCredentials;
import io.keygate.token.oauth.service.OAuthClientService;
import io.keygate.token.schedule.PeriodicPass;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Revokes the active API keys and OAuth2 clients of deleted applications, each through its own aggregate
 * (a deletion cannot revoke them in its transaction: they are other aggregates).
 *
 * <p>Runs right after each deletion for that application, and every
 * {@code keygate.application.credential-sweep-interval} for all deleted applications not yet swept, so a
 * crash between a deletion and its revocations, or a failed revocation, is made good by the next pass. A
 * credential issued concurrently with the deletion cannot escape: its transaction holds a share lock on the
 * application's row (see {@link CredentialOwnerCheck}), so it either is refused or commits before the
 * deletion, and then the deletion's pass sees it. Idempotent across replicas without a lock: revoking a
 * revoked credential appends nothing, and two replicas revoking at once collide on the event store's unique
 * (aggregate id, version); the loser retries once on the fresh state (which appends nothing), and a
 * {@link ConcurrencyConflictException} beyond that is left to the next pass.
 */
@ApplicationScoped
public class ApplicationCredentialSweeper {

    static final String CORRELATION_ID = "application-credential-sweep";
    static final String REVOCATION_REASON = "application deleted";
    private static final Logger LOG = Logger.getLogger(ApplicationCredentialSweeper.class);

    private final DeletedApplicationCredentials credentials;
    private final ApiKeyService apiKeys;
    private final OAuthClientService oauthClients;
    private final ApplicationConfig config;
    private final Vertx vertx;
    private final PeriodicPass periodic;

    ApplicationCredentialSweeper(
            DeletedApplicationCredentials credentials,
            ApiKeyService apiKeys,
            OAuthClientService oauthClients,
            ApplicationConfig config,
            Vertx vertx) {
        this.credentials = credentials;
        this.apiKeys = apiKeys;
        this.oauthClients = oauthClients;
        this.config = config;
        this.vertx = vertx;
        this.periodic = new PeriodicPass("Credential sweep of deleted applications", this::runOnce, count -> {
            if (count > 0) {
                // Normally the pass after each deletion revokes everything: finding some here means it was
                // interrupted (crash, failure) and this pass made good.
                LOG.infof("Credential sweep revoked %d credentials of deleted applications", count);
            }
        });
    }

    void start(@Observes StartupEvent startup) {
        periodic.start(vertx, config.credentialSweepInterval(), "keygate.application.credential-sweep-interval");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop(vertx);
    }

    /**
     * The periodic pass: revokes the active credentials of every deleted application not yet swept.
     *
     * @return the number of credentials it revoked (0 when there were none, or another replica was first)
     */
    public Uni<Integer> runOnce() {
        return sweep(null, CORRELATION_ID);
    }

    /**
     * Revokes the active credentials of one deleted application ({@code applicationId} null: of all deleted
     * applications not yet swept), then marks the applications left without any as swept. A credential whose
     * revocation fails stays active and is retried by the next pass.
     *
     * @param correlationId correlation id of the revocation events (the deletion's, for the pass after it)
     * @return the number of credentials revoked
     */
    public Uni<Integer> sweep(String applicationId, String correlationId) {
        Uni<Integer> keys = drain(
                () -> credentials.activeApiKeys(applicationId, config.credentialSweepBatchSize()),
                key -> apiKeys.revoke(key.tenantId(), key.credentialId(), REVOCATION_REASON, correlationId));
        return keys.chain(revokedKeys -> drain(
                                () -> credentials.activeOAuthClients(applicationId, config.credentialSweepBatchSize()),
                                client -> oauthClients.revoke(client.tenantId(), client.credentialId(), correlationId))
                        .map(revokedClients -> revokedKeys + revokedClients))
                .call(() -> credentials.markSwept(applicationId));
    }

    /**
     * Revokes batch after batch until a batch is not full, or makes no progress (every revocation in it failed:
     * the same credentials would come back; the next pass retries them).
     */
    private Uni<Integer> drain(Supplier<Uni<List<CredentialRef>>> batch, Function<CredentialRef, Uni<?>> revoke) {
        return batch.get()
                .chain(refs -> revokeEach(refs, revoke).chain(revoked -> {
                    boolean more = refs.size() == config.credentialSweepBatchSize() && revoked > 0;
                    return more
                            ? drain(batch, revoke).map(next -> revoked + next)
                            : Uni.createFrom().item(revoked);
                }));
    }

    /**
     * Revokes one credential after the other, counting those that succeeded. A concurrency conflict (another
     * command on the credential won the race) is retried once at once, on the fresh state: revoking what is
     * revoked by now appends nothing; a second conflict is left to the next pass.
     */
    private static Uni<Integer> revokeEach(List<CredentialRef> refs, Function<CredentialRef, Uni<?>> revoke) {
        return Multi.createFrom()
                .iterable(refs)
                .onItem()
                .transformToUniAndConcatenate(ref -> revoke.apply(ref)
                        .replaceWith(true)
                        .onFailure(ConcurrencyConflictException.class)
                        .recoverWithUni(() -> revoke.apply(ref).replaceWith(true))
                        .onFailure(ConcurrencyConflictException.class)
                        .recoverWithItem(false)
                        .onFailure()
                        .invoke(failure -> LOG.warnf(
                                failure,
                                "Revoking %s of a deleted application failed; retried next pass",
                                ref.credentialId()))
                        .onFailure()
                        .recoverWithItem(false))
                .collect()
                .asList()
                .map(results ->
                        (int) results.stream().filter(Boolean::booleanValue).count());
    }
}
