package io.keygate.token.apikey;

import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.TokenEvent;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import java.util.List;

/**
 * The API-key aggregate as two pure functions: {@link #decide} checks a command against the current
 * state and returns the events (or throws a rejection); {@link #evolve} folds an event into the state.
 * The state is the {@link ApiKeyState} the events carry, or {@code null} before the key exists.
 */
public final class ApiKey {

    private ApiKey() {}

    /** The events a command produces from {@code state} (null if the key does not exist). */
    public static List<TokenEvent> decide(ApiKeyCommand command, ApiKeyState state) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (command instanceof IssueApiKey issue) {
            return issue(issue, state);
        }
        return revoke((RevokeApiKey) command, state);
    }

    /** The state after an event. */
    public static ApiKeyState evolve(ApiKeyState state, TokenEvent event) {
        return event.key();
    }

    /** The state after a history of events; null for none. */
    public static ApiKeyState replay(List<? extends TokenEvent> history) {
        ApiKeyState state = null;
        for (TokenEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    private static List<TokenEvent> issue(IssueApiKey issue, ApiKeyState state) {
        if (state != null) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.AlreadyExists(issue.keyId()));
        }
        if (issue.expiresAt() != null && !issue.expiresAt().isAfter(issue.at())) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.ExpiryInThePast("expiresAt"));
        }
        return List.of(new ApiKeyIssued(new ApiKeyState(issue.keyId(), issue.tenantId(), issue.name(),
                issue.maskedKey(), issue.keyHash(), issue.scopes(), ApiKeyStatus.ACTIVE, issue.at(),
                issue.expiresAt(), null, null)));
    }

    private static List<TokenEvent> revoke(RevokeApiKey revoke, ApiKeyState state) {
        if (state == null || !state.tenantId().equals(revoke.tenantId())) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.NotFound(revoke.keyId()));
        }
        if (state.status() == ApiKeyStatus.REVOKED) {
            return List.of();
        }
        ApiKeyState revoked = new ApiKeyState(state.keyId(), state.tenantId(), state.name(), state.maskedKey(),
                state.keyHash(), state.scopes(), ApiKeyStatus.REVOKED, state.createdAt(), state.expiresAt(),
                revoke.at(), revoke.reason());
        return List.of(new ApiKeyRevoked(revoked, revoke.reason()));
    }
}
