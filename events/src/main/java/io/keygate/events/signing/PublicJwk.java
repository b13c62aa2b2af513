package io.keygate.events.signing;

import java.util.Objects;

/**
 * An RSA public key as a JSON Web Key (RFC 7517, RFC 7518 §6.3.1): exactly what {@code /.well-known/jwks.json}
 * serves for it. Never a private member ({@code d}, {@code p}, {@code q}, …).
 *
 * @param kty always {@code RSA}
 * @param kid key id; the {@code kid} header of the tokens it signs
 * @param use always {@code sig}
 * @param alg the signature algorithm, {@code RS256}
 * @param n   modulus, base64url without padding
 * @param e   public exponent, base64url without padding
 */
public record PublicJwk(String kty, String kid, String use, String alg, String n, String e) {

    public PublicJwk {
        Objects.requireNonNull(kty, "kty");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(e, "e");
    }
}
