package io.keygate.token.identity.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.client.AuthenticationExtensionsClientInputs;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.Base64UrlUtil;
import io.keygate.events.identity.UserState;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.store.PasskeyStore.StoredPasskey;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord.RequiredPersistedData;
import io.quarkus.security.webauthn.WebAuthnSecurity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The WebAuthn ceremonies of Keygate's relying party: options for the browser, and verification of what the
 * authenticator answered, by the webauthn4j manager of the extension's {@link WebAuthnSecurity}. Challenges are
 * generated here and kept server side by the caller (not in the extension's cookie), so each is used once.
 *
 * <p>Passkeys are a second factor after the password: user presence is required, user verification (PIN, biometric)
 * preferred but not required, and any attestation is accepted ("none" is asked for: we trust the password plus
 * possession of the key, not the authenticator's make).
 */
@ApplicationScoped
public class WebAuthnCeremonies {

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final int CHALLENGE_BYTES = 32;

    private final WebAuthnSecurity security;
    private final IdentityConfig.WebAuthn relyingParty;
    private final Set<Origin> origins;
    private final long timeoutMillis;
    private final SecureRandom random = new SecureRandom();

    WebAuthnCeremonies(WebAuthnSecurity security, IdentityConfig config) {
        this.security = security;
        this.relyingParty = config.webauthn();
        this.origins = relyingParty.origins().stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
        this.timeoutMillis = config.challengeLifetime().toMillis();
    }

    /** A new random WebAuthn challenge (base64url, 256 bits). */
    public String newChallenge() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        return Base64UrlUtil.encodeToString(bytes);
    }

    /** {@code PublicKeyCredentialCreationOptions} (JSON) registering a passkey of {@code user}, excluding its others. */
    public String creationOptions(UserState user, String challenge, List<StoredPasskey> existing) {
        String displayName = user.displayName() == null ? user.email() : user.displayName();
        return security.toJsonString(new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(relyingParty.relyingPartyId(), relyingParty.relyingPartyName()),
                new PublicKeyCredentialUserEntity(
                        user.userId().getBytes(StandardCharsets.US_ASCII), user.email(), displayName),
                new DefaultChallenge(challenge),
                ALGORITHMS,
                timeoutMillis,
                descriptors(existing),
                new AuthenticatorSelectionCriteria(
                        null, ResidentKeyRequirement.PREFERRED, UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE,
                new AuthenticationExtensionsClientInputs<>()));
    }

    /** {@code PublicKeyCredentialRequestOptions} (JSON) asking for an assertion of one of {@code allowed}. */
    public String requestOptions(String challenge, List<StoredPasskey> allowed) {
        return security.toJsonString(new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(challenge),
                timeoutMillis,
                relyingParty.relyingPartyId(),
                descriptors(allowed),
                UserVerificationRequirement.PREFERRED,
                null));
    }

    /**
     * Whether the JSON has the shape of a {@code PublicKeyCredential} (id, rawId, response object, type public-key);
     * anything else is a malformed request rather than a failed ceremony.
     */
    public static boolean isWellFormed(JsonNode credential) {
        return credential != null
                && credential.isObject()
                && nonBlankText(credential.get("id"))
                && nonBlankText(credential.get("rawId"))
                && credential.get("response") != null
                && credential.get("response").isObject()
                && "public-key".equals(credential.path("type").asText());
    }

    /** The credential id (base64url) the well-formed JSON names. */
    public static String credentialId(JsonNode credential) {
        return credential.get("rawId").asText();
    }

    /**
     * Verifies a registration (attestation) answering {@code challenge}: the new credential, owned by {@code userId}, or
     * a {@link PasskeyRefusedException}.
     */
    public Uni<RequiredPersistedData> verifyRegistration(String userId, ObjectNode credential, String challenge) {
        RegistrationParameters parameters =
                new RegistrationParameters(serverProperty(challenge), ALGORITHMS, false, true);
        return verified(() ->
                        security.getWebAuthn4J().verifyRegistrationResponseJSON(credential.toString(), parameters))
                .map(data -> new WebAuthnCredentialRecord(
                                userId,
                                data.getAttestationObject(),
                                data.getCollectedClientData(),
                                data.getClientExtensions(),
                                data.getTransports())
                        .getRequiredPersistedData());
    }

    /**
     * Verifies an assertion of {@code passkey} answering {@code challenge}: the authenticator's signature counter, or a
     * {@link PasskeyRefusedException} (wrong challenge, origin or relying party, bad signature, a counter that did not
     * move forward).
     */
    public Uni<Long> verifyAssertion(ObjectNode credential, String challenge, StoredPasskey passkey) {
        WebAuthnCredentialRecord record;
        try {
            record = WebAuthnCredentialRecord.fromRequiredPersistedData(new RequiredPersistedData(
                    passkey.userId(),
                    passkey.credentialId(),
                    passkey.aaguid(),
                    passkey.publicKey(),
                    passkey.algorithm(),
                    passkey.signCount()));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new PasskeyRefusedException("stored key unreadable", e));
        }
        AuthenticationParameters parameters = new AuthenticationParameters(
                serverProperty(challenge), record, List.of(Base64UrlUtil.decode(passkey.credentialId())), false, true);
        return verified(() ->
                        security.getWebAuthn4J().verifyAuthenticationResponseJSON(credential.toString(), parameters))
                .map(data -> data.getAuthenticatorData().getSignCount());
    }

    private ServerProperty serverProperty(String challenge) {
        return new ServerProperty(origins, relyingParty.relyingPartyId(), new DefaultChallenge(challenge));
    }

    /** The ceremony's result, any failure of webauthn4j (thrown or in the stage) as a {@link PasskeyRefusedException}. */
    private static <T> Uni<T> verified(Supplier<java.util.concurrent.CompletionStage<T>> ceremony) {
        return Uni.createFrom()
                .deferred(() -> Uni.createFrom().completionStage(ceremony))
                .onFailure(failure -> !(failure instanceof PasskeyRefusedException))
                .transform(failure -> new PasskeyRefusedException(reason(failure), failure));
    }

    private static String reason(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    private static List<PublicKeyCredentialDescriptor> descriptors(List<StoredPasskey> passkeys) {
        return passkeys.stream()
                .map(passkey -> new PublicKeyCredentialDescriptor(
                        PublicKeyCredentialType.PUBLIC_KEY, Base64UrlUtil.decode(passkey.credentialId()), null))
                .toList();
    }

    private static boolean nonBlankText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }
}
