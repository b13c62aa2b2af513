package io.keygate.token.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTest {

    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
    private static final KeyPair PAIR = SigningKeyMaterial.newKeyPair(new SecureRandom());

    @Test
    void aSealedKeyOpensUnderItsOwnIdOnly() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(KEK);
        byte[] sealed = cipher.encrypt("sk_1", PAIR.getPrivate());

        assertThat(cipher.decrypt("sk_1", sealed)).isEqualTo(PAIR.getPrivate());
        assertThatThrownBy(() -> cipher.decrypt("sk_2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedKeyDoesNotOpen() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(KEK);
        byte[] sealed = cipher.encrypt("sk_1", PAIR.getPrivate());
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("sk_1", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEncryptionKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new PrivateKeyCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PrivateKeyCipher(KEK).toString()).doesNotContain(KEK);
    }

    @Test
    void thePublicJwkHasTheRsaModulusAndExponentOnly() {
        var jwk = SigningKeyMaterial.toJwk("sk_1", (RSAPublicKey) PAIR.getPublic());

        assertThat(jwk.kty()).isEqualTo("RSA");
        assertThat(jwk.alg()).isEqualTo("RS256");
        assertThat(jwk.e()).isEqualTo("AQAB");
        assertThat(Base64.getUrlDecoder().decode(jwk.n())).hasSize(256);
    }
}
