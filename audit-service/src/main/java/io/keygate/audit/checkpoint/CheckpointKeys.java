package io.keygate.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 keys of the checkpoints: the one this process signs with (from a PKCS#8 PEM file, or generated), and
 * verification under any public key. The JDK signs and verifies; Bouncy Castle only derives the public half of a
 * private key read from a file (the JDK has no API for it).
 */
public final class CheckpointKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key follows. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER prefix of a PKCS#8 v1 Ed25519 private key; the 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private CheckpointKeys() {}

    /**
     * A signing key.
     *
     * @param keyId     {@code audit-} and the first 16 hex digits of the SHA-256 of the public key
     * @param privateKey the private key
     * @param publicKey  X.509 SubjectPublicKeyInfo bytes of the public key
     */
    public record SigningKey(String keyId, PrivateKey privateKey, byte[] publicKey) {

        /** Signs the UTF-8 bytes of {@code text}. */
        public byte[] sign(String text) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(privateKey);
                signature.update(text.getBytes(StandardCharsets.UTF_8));
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }
    }

    /** Reads the key from a PKCS#8 PEM file (as {@code openssl genpkey -algorithm ed25519} writes it). */
    public static SigningKey read(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            String body =
                    text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(body);
            if (der.length != PKCS8_PREFIX.length + 32
                    || !Arrays.equals(Arrays.copyOf(der, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
                throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key");
            }
            return fromSeed(Arrays.copyOfRange(der, der.length - 32, der.length));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint signing key file " + pem, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The checkpoint signing key file " + pem + " is not an Ed25519 PKCS#8 PEM private key", e);
        }
    }

    /** A fresh key from the system's strong random source. */
    public static SigningKey generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return fromSeed(seed);
    }

    /** The key of a 32-byte seed (the private key's raw form). */
    static SigningKey fromSeed(byte[] seed) {
        try {
            byte[] pkcs8 = concat(PKCS8_PREFIX, seed);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] raw =
                    new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] x509 = concat(X509_PREFIX, raw);
            return new SigningKey(keyId(x509), privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code text} under the X.509-encoded public key. */
    public static boolean verify(byte[] publicKey, String text, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The raw 32-byte public key (the JWK {@code x}) of an X.509-encoded one. */
    public static byte[] raw(byte[] x509) {
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static String keyId(byte[] x509) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509);
        return "audit-" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
