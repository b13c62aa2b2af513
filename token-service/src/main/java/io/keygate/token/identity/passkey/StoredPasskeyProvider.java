package io.keygate.token.identity.passkey;

import io.keygate.token.identity.store.PasskeyStore;
import io.keygate.token.identity.store.PasskeyStore.StoredPasskey;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord.RequiredPersistedData;
import io.quarkus.security.webauthn.WebAuthnUserProvider;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * The credential lookup the WebAuthn extension asks for, over the passkeys in PostgreSQL; a "username" is a user id.
 * Keygate runs the ceremonies itself ({@link PasskeyService}), so only lookups and the forward-only counter update are
 * served: new credentials are stored with their user event, never through {@link #store}.
 */
@ApplicationScoped
@NonBlocking
public class StoredPasskeyProvider implements WebAuthnUserProvider {

    private final PasskeyStore passkeys;
    private final Clock clock = Clock.systemUTC();

    StoredPasskeyProvider(PasskeyStore passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public Uni<List<WebAuthnCredentialRecord>> findByUsername(String userId) {
        return passkeys.ofUser(userId)
                .map(stored ->
                        stored.stream().map(StoredPasskeyProvider::record).toList());
    }

    @Override
    public Uni<WebAuthnCredentialRecord> findByCredentialId(String credentialId) {
        return passkeys.findByCredentialId(credentialId)
                .onItem()
                .ifNull()
                .failWith(() -> new PasskeyRefusedException("unknown credential", null))
                .map(StoredPasskeyProvider::record);
    }

    @Override
    public Uni<Void> update(String credentialId, long counter) {
        return passkeys.acceptSignCount(credentialId, counter, clock.instant())
                .invoke(accepted -> {
                    if (!accepted) {
                        throw new PasskeyRefusedException("signature counter did not move forward", null);
                    }
                })
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> store(WebAuthnCredentialRecord credentialRecord) {
        return Uni.createFrom()
                .failure(new UnsupportedOperationException("Passkeys are registered through /auth/mfa/passkeys"));
    }

    private static WebAuthnCredentialRecord record(StoredPasskey passkey) {
        return WebAuthnCredentialRecord.fromRequiredPersistedData(new RequiredPersistedData(
                passkey.userId(),
                passkey.credentialId(),
                passkey.aaguid(),
                passkey.publicKey(),
                passkey.algorithm(),
                passkey.signCount()));
    }
}
