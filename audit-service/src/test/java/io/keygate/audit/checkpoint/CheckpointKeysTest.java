package io.keygate.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeysTest {

    @Test
    void aSignatureVerifiesUnderItsPublicKeyAndNothingElse() {
        CheckpointKeys.SigningKey key = CheckpointKeys.generate();
        byte[] signature = key.sign("keygate-audit-checkpoint/v1\nacme\n7\nabc\n2026-11-29T10:00:00Z");

        assertThat(CheckpointKeys.verify(
                        key.publicKey(), "keygate-audit-checkpoint/v1\nacme\n7\nabc\n2026-11-29T10:00:00Z", signature))
                .isTrue();
        assertThat(CheckpointKeys.verify(
                        key.publicKey(), "keygate-audit-checkpoint/v1\nacme\n8\nabc\n2026-11-29T10:00:00Z", signature))
                .isFalse();
        assertThat(CheckpointKeys.verify(CheckpointKeys.generate().publicKey(), "x", key.sign("x")))
                .isFalse();
        assertThat(key.keyId()).matches("audit-[0-9a-f]{16}");
    }

    @Test
    void aPkcs8PemFileGivesTheSameKeyAsItsSeed(@TempDir Path dir) throws Exception {
        // RFC 8032 test 1 seed in the PKCS#8 form openssl writes.
        byte[] seed =
                java.util.HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] der = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] pkcs8 = new byte[48];
        System.arraycopy(der, 0, pkcs8, 0, 16);
        System.arraycopy(seed, 0, pkcs8, 16, 32);
        Path pem = dir.resolve("key.pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n");

        CheckpointKeys.SigningKey key = CheckpointKeys.read(pem);

        // RFC 8032 test 1 public key.
        assertThat(java.util.HexFormat.of().formatHex(CheckpointKeys.raw(key.publicKey())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(CheckpointKeys.verify(key.publicKey(), "m", key.sign("m"))).isTrue();
    }

    @Test
    void aFileThatIsNotAnEd25519KeyIsRefusedByName(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("rsa.pem");
        Files.writeString(
                pem, "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> CheckpointKeys.read(pem)).hasMessageContaining(pem.toString());
    }
}
