package io.keygate.events.identity;

import java.util.Objects;

/**
 * A signed-in user removed one of their passkeys; it no longer logs in. Type
 * {@code io.keygate.identity.user-passkey-removed.v1}; the user is the envelope's {@code actor}, the client address its
 * {@code clientip}.
 *
 * @param user      the user's full state after the event ({@code passkeys} no longer counts it)
 * @param passkeyId the removed passkey's id
 */
public record UserPasskeyRemoved(UserState user, String passkeyId) implements UserEvent {

    public UserPasskeyRemoved {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passkeyId, "passkeyId");
    }
}
