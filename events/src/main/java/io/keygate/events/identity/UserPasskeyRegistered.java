package io.keygate.events.identity;

import java.util.Objects;

/**
 * A signed-in user registered a passkey (a WebAuthn credential), which from now on is a second factor at login. The
 * credential id, public key and signature counter stay in the token-service's database. Type
 * {@code io.keygate.identity.user-passkey-registered.v1}; the user is the envelope's {@code actor}, the client address
 * its {@code clientip}.
 *
 * @param user      the user's full state after the event ({@code passkeys} counts the new one)
 * @param passkeyId the passkey's id: {@code pk_} + 32 hex digits
 * @param name      the name the user gave it (e.g. "YubiKey 5C")
 */
public record UserPasskeyRegistered(UserState user, String passkeyId, String name) implements UserEvent {

    public UserPasskeyRegistered {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passkeyId, "passkeyId");
        Objects.requireNonNull(name, "name");
    }
}
