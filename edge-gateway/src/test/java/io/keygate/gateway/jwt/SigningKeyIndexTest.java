package io.keygate.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import io.keygate.gateway.testdata.TestSigningKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyIndexTest {

    private final SigningKeyIndex index = new SigningKeyIndex();
    private final TestSigningKey key = TestSigningKey.generate();

    @Test
    void publishedKeyIsFoundByKidAndRetiredOneIsDropped() {
        assertThat(index.apply(key.published(), 1)).isTrue();
        assertThat(index.find(key.keyId()).publicKey()).isEqualTo(key.publicKey());
        assertThat(index.find(key.keyId()).algorithm()).isEqualTo("RS256");

        assertThat(index.apply(key.retired(), 2)).isTrue();
        assertThat(index.find(key.keyId())).isNull();
    }

    @Test
    void replayedPublicationDoesNotBringARetiredKeyBack() {
        index.apply(key.published(), 1);
        index.apply(key.retired(), 2);

        assertThat(index.apply(key.published(), 1)).isFalse();
        assertThat(index.find(key.keyId())).isNull();
    }

    @Test
    void unusableKeyIsRefusedAndLeavesTheIndexAsItWas() {
        PublicJwk jwk = key.publicJwk();
        PublicJwk tooShort = new PublicJwk("RSA", key.keyId(), "sig", "RS256", "AQAB", jwk.e());
        PublicJwk notRsa = new PublicJwk("oct", key.keyId(), "sig", "RS256", jwk.n(), jwk.e());

        assertThatThrownBy(() -> index.apply(stateOf(tooShort), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.apply(stateOf(notRsa), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.find(key.keyId())).isNull();
        assertThat(index.size()).isZero();
    }

    private static SigningKeyState stateOf(PublicJwk jwk) {
        return new SigningKeyState(jwk.kid(), jwk, SigningKeyStatus.PUBLISHED, Instant.now(), null);
    }
}
