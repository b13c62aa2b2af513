package io.keygate.token.identity.password;

import java.util.Base64;

/**
 * An Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, base64 without
 * padding), so the parameters travel with each hash and can be raised later without breaking stored ones.
 *
 * @param memoryKiB  memory cost in KiB
 * @param iterations time cost
 * @param parallelism lanes
 * @param salt       random salt
 * @param hash       the derived bytes
 */
public record PasswordHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** The PHC string. */
    public String format() {
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Reads a PHC string.
     *
     * @throws IllegalArgumentException if it is not an Argon2id (version 19) PHC string with sane parameters
     */
    public static PasswordHash parse(String phc) {
        String[] parts = phc == null ? new String[0] : phc.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            throw new IllegalArgumentException("Not an Argon2id v19 PHC string");
        }
        int memory = -1;
        int iterations = -1;
        int parallelism = -1;
        for (String parameter : parts[3].split(",")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Malformed Argon2id parameter");
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("Unknown Argon2id parameter " + pair[0]);
            }
        }
        if (memory < 8 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters missing or too small");
        }
        byte[] salt = DECODER.decode(parts[4]);
        byte[] hash = DECODER.decode(parts[5]);
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("Argon2id salt or hash too short");
        }
        return new PasswordHash(memory, iterations, parallelism, salt, hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "]";
    }
}
