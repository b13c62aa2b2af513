package io.keygate.token.apikey.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.TokenEvent;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventMetadata;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.apikey.ApiKey;
import io.keygate.token.apikey.ApiKeyAttributes;
import io.keygate.token.apikey.ApiKeyCommand;
import io.keygate.token.apikey.ApiKeyCommand.ApplyTokenPolicy;
import io.keygate.token.apikey.ApiKeyCommand.CompleteRotation;
import io.keygate.token.apikey.ApiKeyCommand.ExpireApiKey;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RotateApiKey;
import io.keygate.token.apikey.ApiKeyCommand.UpdateApiKey;
import io.keygate.token.apikey.ApiKeyField;
import io.keygate.token.apikey.ApiKeyPatch;
import io.keygate.token.apikey.ApiKeyRejectedException;
import io.keygate.token.apikey.TokenPolicyCompliance;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.application.TenantApplication;
import io.keygate.token.application.service.CredentialOwnerCheck;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicy;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicyStore;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicyStore.PolicyRead;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Handles API-key commands: load the aggregate's events, decide, then append the new events and update
 * the read model in one transaction. The secret is generated here, returned once, and never stored. A key
 * issued for, or moved to, an application is checked in that transaction against the application's state.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);

    private final EventStore store;
    private final TokenServiceConfig config;
    private final ReadModelWriter<ApiKeyState, TokenEvent> writer;
    private final ReadModelWriter<ApiKeyState, TokenEvent> policyWriter;
    private final ApiKeyHasher hasher;
    private final Event<ApiKeyDue> due;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(
            EventStore store,
            ApiKeyProjection projection,
            CredentialOwnerCheck owners,
            TenantTokenPolicyStore policies,
            TokenServiceConfig config,
            Event<ApiKeyDue> due) {
        this.store = store;
        this.config = config;
        this.due = due;
        this.hasher = new ApiKeyHasher(config.pepper());
        this.writer = new CheckedWriter(owners, policies, projection);
        this.policyWriter = (tx, decision) -> projection.upsert(tx, decision.state(), decision.version());
    }

    /**
     * Brings a key into line with its tenant's token policy; the events carry the policy event's id as their
     * causation id.
     *
     * @return whether an event was appended (false: the key already complies, or is not active)
     */
    public Uni<Boolean> applyTokenPolicy(String keyId, TenantTokenPolicy policy, String correlationId) {
        TokenPolicyState rules = policy.policy();
        ApplyTokenPolicy command = new ApplyTokenPolicy(keyId, rules.tenantId(), rules, now());
        return store.execute(
                        ApiKey.DECIDER, keyId, command, command.at(), correlationId, policy.eventId(), policyWriter)
                .invoke(this::tellSchedulerWhenDue)
                .map(Decision::changed);
    }

    /**
     * The read model's writer for commands: a key issued for, or moved to, an application is checked against it in the
     * command's transaction, and a new secret or a changed expiry or allow-list against the tenant's token policy, read
     * under a share lock so a new policy cannot slip in between. A commit group's issuances read the applications and
     * policies they name in one statement each, and each is judged on what was read.
     */
    private final class CheckedWriter implements ReadModelWriter<ApiKeyState, TokenEvent> {

        private final CredentialOwnerCheck owners;
        private final TenantTokenPolicyStore policies;
        private final ApiKeyProjection projection;

        CheckedWriter(CredentialOwnerCheck owners, TenantTokenPolicyStore policies, ApiKeyProjection projection) {
            this.owners = owners;
            this.policies = policies;
            this.projection = projection;
        }

        /** One decision is checked as a group of one: the same reads and the same judgement. */
        @Override
        public Uni<?> check(SqlConnection tx, Decision<ApiKeyState, TokenEvent> decision) {
            return checkAll(tx, List.of(decision)).get(0);
        }

        /**
         * Reads what the group's decisions need with one statement each (the new applications' statuses, the
         * tenants' policies, both locked for share until commit), then judges every decision on its own.
         */
        @Override
        public List<Uni<?>> checkAll(SqlConnection tx, List<Decision<ApiKeyState, TokenEvent>> decisions) {
            List<Needs> needs = new ArrayList<>(decisions.size());
            Set<TenantApplication> applications = new HashSet<>();
            Set<String> tenants = new HashSet<>();
            for (Decision<ApiKeyState, TokenEvent> decision : decisions) {
                Needs need = Needs.of(decision);
                needs.add(need);
                if (need.application() != null) {
                    applications.add(need.application());
                }
                if (need.policy()) {
                    tenants.add(need.tenantId());
                }
            }
            Uni<Map<TenantApplication, String>> statuses =
                    owners.lockAll(tx, applications).memoize().indefinitely();
            Uni<Map<String, PolicyRead>> tenantPolicies = tenants.isEmpty()
                    ? Uni.createFrom().item(Map.of())
                    : policies.findAllForShare(tx, tenants).memoize().indefinitely();
            List<Uni<?>> checks = new ArrayList<>(decisions.size());
            for (int i = 0; i < decisions.size(); i++) {
                Decision<ApiKeyState, TokenEvent> decision = decisions.get(i);
                Needs need = needs.get(i);
                checks.add(Uni.combine()
                        .all()
                        .unis(statuses, tenantPolicies)
                        .asTuple()
                        .invoke(read -> judge(decision, need, read.getItem1(), read.getItem2())));
            }
            return checks;
        }

        /** The application must be active, the key compliant with its tenant's policy; else the decision is refused. */
        private void judge(
                Decision<ApiKeyState, TokenEvent> decision,
                Needs need,
                Map<TenantApplication, String> statuses,
                Map<String, PolicyRead> tenantPolicies) {
            if (need.application() != null) {
                CredentialOwnerCheck.requireActive(
                        need.application().applicationId(), statuses.get(need.application()));
            }
            if (need.policy()) {
                PolicyRead policy = tenantPolicies.get(need.tenantId());
                requireCompliant(policy == null ? null : policy.get(), decision);
            }
        }

        @Override
        public Uni<?> write(SqlConnection tx, Decision<ApiKeyState, TokenEvent> decision) {
            return projection.upsert(tx, decision.state(), decision.version());
        }

        @Override
        public Uni<?> writeAll(SqlConnection tx, List<Decision<ApiKeyState, TokenEvent>> decisions) {
            return projection.upsertAll(tx, decisions);
        }
    }

    /**
     * What checking one decision needs to read.
     *
     * @param tenantId    the key's tenant
     * @param application the application the decision gives the key, or null when it gives it none
     * @param policy      whether the decision is checked against the tenant's token policy
     */
    private record Needs(String tenantId, TenantApplication application, boolean policy) {

        static Needs of(Decision<ApiKeyState, TokenEvent> decision) {
            String tenantId = decision.state().tenantId();
            String applicationId = newApplicationOf(decision.events());
            return new Needs(
                    tenantId,
                    applicationId == null ? null : new TenantApplication(tenantId, applicationId),
                    isPolicyRelevant(decision));
        }
    }

    /** Refuses the command with a 422 if its key breaks the tenant's policy ({@code policy} null: none). */
    private void requireCompliant(TokenPolicyState policy, Decision<ApiKeyState, TokenEvent> decision) {
        TokenPolicyCompliance.violationOf(policy, decision.state(), now()).ifPresent(violation -> {
            throw new ApiKeyRejectedException(violation);
        });
    }

    private static boolean isPolicyRelevant(Decision<ApiKeyState, TokenEvent> decision) {
        return decision.events().stream().anyMatch(ApiKeyService::isPolicyRelevant);
    }

    /** Issue, rotation, and a change of expiry or IP allow-list are checked against the policy. */
    private static boolean isPolicyRelevant(TokenEvent event) {
        return event instanceof ApiKeyIssued
                || event instanceof ApiKeyRotated
                || (event instanceof ApiKeyUpdated updated
                        && (updated.changedFields().contains(ApiKeyField.EXPIRES_AT.jsonName())
                                || updated.changedFields().contains(ApiKeyField.IP_ALLOW_LIST.jsonName())));
    }

    /** Issues a key; the result holds the only copy of the secret there will ever be. */
    public Uni<IssuedApiKey> issue(String tenantId, ApiKeyAttributes attributes, String correlationId) {
        String secret = ApiKeyFormat.generate(config.environment(), random);
        String keyId = "key_" + EventEnvelope.newEventId().toString().replace("-", "");
        IssueApiKey command =
                new IssueApiKey(keyId, tenantId, ApiKeyFormat.mask(secret), hasher.hash(secret), attributes, now());
        return handle(command, correlationId).map(state -> new IssuedApiKey(secret, state));
    }

    /** Changes some attributes of an active key; a patch that changes nothing returns the key unchanged. */
    public Uni<ApiKeyState> update(String tenantId, String keyId, ApiKeyPatch patch, String correlationId) {
        return handle(new UpdateApiKey(keyId, tenantId, patch, now()), correlationId);
    }

    /** Gives a key a new secret, returned once; the old secret stays valid for {@code gracePeriod}. */
    public Uni<IssuedApiKey> rotate(String tenantId, String keyId, Duration gracePeriod, String correlationId) {
        String secret = ApiKeyFormat.generate(config.environment(), random);
        RotateApiKey command =
                new RotateApiKey(keyId, tenantId, ApiKeyFormat.mask(secret), hasher.hash(secret), gracePeriod, now());
        return handle(command, correlationId).map(state -> new IssuedApiKey(secret, state));
    }

    /**
     * Marks a key expired if its expiry has passed and it is still active.
     *
     * @return whether an event was appended (false: not due, or already expired)
     */
    public Uni<Boolean> expire(String tenantId, String keyId, String correlationId) {
        return execute(new ExpireApiKey(keyId, tenantId, now()), correlationId).map(Decision::changed);
    }

    /**
     * Drops the secret a rotation replaced if its grace period has ended.
     *
     * @return whether an event was appended
     */
    public Uni<Boolean> completeRotation(String tenantId, String keyId, String correlationId) {
        return execute(new CompleteRotation(keyId, tenantId, now()), correlationId)
                .map(Decision::changed);
    }

    /** Revokes a key; revoking an already revoked key returns its state unchanged. */
    public Uni<ApiKeyState> revoke(String tenantId, String keyId, String reason, String correlationId) {
        return handle(new RevokeApiKey(keyId, tenantId, reason, now()), correlationId);
    }

    /**
     * Revokes a key because analytics raised a critical alert about it; the revocation carries the alert's event id
     * as its causation (and correlation) id, so the audit trail links the two. Revoking a revoked key does nothing.
     *
     * @return whether an event was appended
     */
    public Uni<Boolean> revokeForAlert(String tenantId, String keyId, String reason, String alertId) {
        RevokeApiKey command = new RevokeApiKey(keyId, tenantId, reason, now());
        return store.execute(ApiKey.DECIDER, keyId, command, command.at(), alertId, alertId, policyWriter)
                .map(Decision::changed);
    }

    private Uni<ApiKeyState> handle(ApiKeyCommand command, String correlationId) {
        return execute(command, correlationId).map(Decision::state);
    }

    /**
     * Issuing skips the load (a new key's id was just generated, so it has no history) and commits with the other
     * issuances of the moment (group commit): its check reads only applications and the tenant's policy, which no
     * issuance writes.
     */
    private Uni<Decision<ApiKeyState, TokenEvent>> execute(ApiKeyCommand command, String correlationId) {
        Uni<Decision<ApiKeyState, TokenEvent>> executed = command instanceof IssueApiKey
                ? store.createGrouped(ApiKey.DECIDER, command, EventMetadata.of(now(), correlationId, null), writer)
                : store.execute(ApiKey.DECIDER, command.keyId(), command, now(), correlationId, writer);
        return executed.invoke(this::tellSchedulerWhenDue);
    }

    /**
     * Tells the expiry scheduler when a committed key that changed will expire or end its grace period, if that comes
     * before the scheduler's next periodic pass (so the event comes at that time, not up to an interval after).
     */
    private void tellSchedulerWhenDue(Decision<ApiKeyState, TokenEvent> decision) {
        ApiKeyState key = decision.state();
        if (!decision.changed() || key.status() != ApiKeyStatus.ACTIVE) {
            return;
        }
        Instant soon = now().plus(config.expiryCheckInterval());
        for (Instant at : new Instant[] {key.expiresAt(), key.previousKeyValidUntil()}) {
            if (at != null && at.isBefore(soon)) {
                try {
                    due.fire(new ApiKeyDue(at));
                } catch (RuntimeException e) {
                    // The command has committed: its answer must not turn into an error. The periodic pass
                    // still expires the key, up to an interval late.
                    LOG.warnf(e, "Could not plan the expiry pass for API key %s", key.keyId());
                }
            }
        }
    }

    /** The application a key is issued for or moved to by these events, or null (none, or unchanged). */
    private static String newApplicationOf(List<TokenEvent> events) {
        for (TokenEvent event : events) {
            boolean moved = event instanceof ApiKeyUpdated updated
                    && updated.changedFields().contains(ApiKeyField.APPLICATION_ID.jsonName());
            if (event instanceof ApiKeyIssued || moved) {
                return event.key().applicationId();
            }
        }
        return null;
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
