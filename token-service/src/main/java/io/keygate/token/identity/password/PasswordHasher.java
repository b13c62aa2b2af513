package io.keygate.token.identity.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle, with the OWASP parameters (19 MiB, 2 iterations, 1 lane): about 50 ms of
 * one core per hash, so callers run it off the event loop. Verification uses the parameters stored in the hash, so
 * raising them later only affects new hashes.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet, Argon2id option 2 (m=19 MiB, t=2, p=1). */
    public static final int MEMORY_KIB = 19 * 1024;

    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final int memoryKiB;
    private final int iterations;

    /** The OWASP parameters. */
    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS);
    }

    PasswordHasher(int memoryKiB, int iterations) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
    }

    /** A new PHC string for {@code password} with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        PasswordHash hash = new PasswordHash(
                memoryKiB, iterations, PARALLELISM, salt, derive(password, memoryKiB, iterations, PARALLELISM, salt));
        return hash.format();
    }

    /** Whether {@code password} matches the PHC string (constant-time comparison); false for a malformed string. */
    public boolean verify(String phc, String password) {
        PasswordHash stored;
        try {
            stored = PasswordHash.parse(phc);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] derived = derive(password, stored.memoryKiB(), stored.iterations(), stored.parallelism(), stored.salt());
        return MessageDigest.isEqual(derived, stored.hash());
    }

    private static byte[] derive(String password, int memoryKiB, int iterations, int parallelism, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_BYTES];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
