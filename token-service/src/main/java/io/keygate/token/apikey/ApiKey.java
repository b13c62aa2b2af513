package io.keygate.token.apikey;

import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyRotationCompleted;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.TokenEvent;
import io.keygate.eventstore.Decider;
import io.keygate.token.apikey.ApiKeyCommand.ApplyTokenPolicy;
import io.keygate.token.apikey.ApiKeyCommand.CompleteRotation;
import io.keygate.token.apikey.ApiKeyCommand.ExpireApiKey;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RotateApiKey;
import io.keygate.token.apikey.ApiKeyCommand.UpdateApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The API-key aggregate as two pure functions: {@link #decide} checks a command against the current
 * state and returns the events (or throws a rejection); {@link #evolve} folds an event into the state.
 * The state is the {@link ApiKeyState} the events carry, or {@code null} before the key exists.
 */
public final class ApiKey {

    /** The aggregate type of API keys in the event store. */
    public static final String AGGREGATE_TYPE = "api-key";

    /** The rules below as the event store runs them. */
    public static final Decider<ApiKeyCommand, ApiKeyState, TokenEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, ApiKey::decide, ApiKey::evolve);

    /** Longest grace period a rotation may give the replaced secret. */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);

    private ApiKey() {}

    /** The events a command produces from {@code state} (null if the key does not exist). */
    public static List<TokenEvent> decide(ApiKeyCommand command, ApiKeyState state) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (command instanceof IssueApiKey issue) {
            return issue(issue, state);
        }
        if (command instanceof UpdateApiKey update) {
            return update(update, state);
        }
        if (command instanceof RotateApiKey rotate) {
            return rotate(rotate, state);
        }
        if (command instanceof ExpireApiKey expire) {
            return expire(expire, state);
        }
        if (command instanceof CompleteRotation complete) {
            return completeRotation(complete, state);
        }
        if (command instanceof ApplyTokenPolicy apply) {
            existing(apply, state);
            return TokenPolicyAlignment.decide(apply.policy(), state, apply.at());
        }
        return revoke((RevokeApiKey) command, state);
    }

    /** The state after an event. */
    public static ApiKeyState evolve(ApiKeyState state, TokenEvent event) {
        return event.key();
    }

    /** The state after a history of events; null for none. */
    public static ApiKeyState replay(List<? extends TokenEvent> history) {
        return DECIDER.replay(history);
    }

    private static List<TokenEvent> issue(IssueApiKey issue, ApiKeyState state) {
        if (state != null) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.AlreadyExists(issue.keyId()));
        }
        ApiKeyAttributes attributes = ApiKeyAttributeRules.normalise(issue.attributes());
        requireFutureExpiry(attributes.expiresAt(), issue.at());
        ApiKeyState fresh = new ApiKeyState(
                issue.keyId(),
                issue.tenantId(),
                attributes.name(),
                issue.maskedKey(),
                issue.keyHash(),
                List.of(),
                ApiKeyStatus.ACTIVE,
                issue.at(),
                null,
                null,
                null);
        return List.of(new ApiKeyIssued(
                attributes.applyTo(fresh).withNewSecret(issue.maskedKey(), issue.keyHash(), null, null, issue.at())));
    }

    private static List<TokenEvent> update(UpdateApiKey update, ApiKeyState state) {
        requireChangeable(existing(update, state), update.at());
        ApiKeyAttributes current = ApiKeyAttributes.of(state);
        ApiKeyAttributes next = ApiKeyAttributeRules.normalise(update.patch().applyTo(current));
        List<String> changed = Arrays.stream(ApiKeyField.values())
                .filter(field -> !Objects.equals(field.valueIn(current), field.valueIn(next)))
                .map(ApiKeyField::jsonName)
                .toList();
        if (changed.isEmpty()) {
            return List.of();
        }
        if (changed.contains(ApiKeyField.EXPIRES_AT.jsonName())) {
            requireFutureExpiry(next.expiresAt(), update.at());
        }
        return List.of(new ApiKeyUpdated(next.applyTo(state), changed));
    }

    private static List<TokenEvent> rotate(RotateApiKey rotate, ApiKeyState state) {
        requireChangeable(existing(rotate, state), rotate.at());
        Duration grace = rotate.gracePeriod();
        if (grace.isNegative() || grace.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw new ApiKeyRejectedException(
                    new ApiKeyRejection.InvalidAttribute("gracePeriod", "must be between PT0S and P30D"));
        }
        // A second rotation within a grace period drops the oldest secret at once: at most two are ever valid.
        boolean keepPrevious = !grace.isZero();
        ApiKeyState rotated = state.withNewSecret(
                rotate.maskedKey(),
                rotate.keyHash(),
                keepPrevious ? state.keyHash() : null,
                keepPrevious ? rotate.at().plus(grace) : null,
                rotate.at());
        return List.of(new ApiKeyRotated(rotated));
    }

    private static List<TokenEvent> expire(ExpireApiKey expire, ApiKeyState state) {
        existing(expire, state);
        if (state.status() != ApiKeyStatus.ACTIVE
                || state.expiresAt() == null
                || expire.at().isBefore(state.expiresAt())) {
            return List.of();
        }
        return List.of(new ApiKeyExpired(state.withStatus(ApiKeyStatus.EXPIRED, null, null)));
    }

    private static List<TokenEvent> completeRotation(CompleteRotation complete, ApiKeyState state) {
        existing(complete, state);
        if (state.status() != ApiKeyStatus.ACTIVE
                || state.previousKeyHash() == null
                || complete.at().isBefore(state.previousKeyValidUntil())) {
            return List.of();
        }
        return List.of(new ApiKeyRotationCompleted(state.withSecrets(state.maskedKey(), state.keyHash(), null, null)));
    }

    private static List<TokenEvent> revoke(RevokeApiKey revoke, ApiKeyState state) {
        existing(revoke, state);
        if (state.status() == ApiKeyStatus.REVOKED) {
            return List.of();
        }
        ApiKeyState revoked = state.withStatus(ApiKeyStatus.REVOKED, revoke.at(), revoke.reason());
        return List.of(new ApiKeyRevoked(revoked, revoke.reason()));
    }

    /** The state, if the key exists for the command's tenant (another tenant's key does not exist for it). */
    private static ApiKeyState existing(ApiKeyCommand command, ApiKeyState state) {
        if (state == null || !state.tenantId().equals(command.tenantId())) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.NotFound(command.keyId()));
        }
        return state;
    }

    /** Revoked and expired keys stay as they are: changing them would rewrite the audit trail's last word. */
    private static void requireChangeable(ApiKeyState state, Instant at) {
        if (state.status() != ApiKeyStatus.ACTIVE) {
            throw new ApiKeyRejectedException(
                    new ApiKeyRejection.NotActive(state.keyId(), state.status().name()));
        }
        if (!state.isUsableAt(at)) {
            throw new ApiKeyRejectedException(
                    new ApiKeyRejection.NotActive(state.keyId(), ApiKeyStatus.EXPIRED.name()));
        }
    }

    private static void requireFutureExpiry(Instant expiresAt, Instant at) {
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.ExpiryInThePast("expiresAt"));
        }
    }
}
