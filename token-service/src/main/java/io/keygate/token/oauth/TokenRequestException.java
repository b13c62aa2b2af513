package io.keygate.token.oauth;

/**
 * A token-endpoint request refused with an RFC 6749 §5.2 error. The description is safe to show the
 * client: it never holds a secret.
 */
public class TokenRequestException extends RuntimeException {

    private final String error;
    private final int status;

    public TokenRequestException(String error, int status, String description) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    /** Malformed request: missing, repeated or unsupported parameter (400). */
    public static TokenRequestException invalidRequest(String description) {
        return new TokenRequestException("invalid_request", 400, description);
    }

    /** Client authentication failed (401; the caller adds {@code WWW-Authenticate}). */
    public static TokenRequestException invalidClient() {
        return new TokenRequestException("invalid_client", 401, "Client authentication failed");
    }

    /** A requested scope is malformed or beyond what the client was granted (400). */
    public static TokenRequestException invalidScope(String description) {
        return new TokenRequestException("invalid_scope", 400, description);
    }

    /** Any grant but {@code client_credentials} (400). */
    public static TokenRequestException unsupportedGrantType() {
        return new TokenRequestException(
                "unsupported_grant_type", 400, "Only grant_type=client_credentials is supported");
    }

    /** No signing key is published yet (503): retry shortly. */
    public static TokenRequestException temporarilyUnavailable() {
        return new TokenRequestException(
                "temporarily_unavailable", 503, "No signing key is available yet; retry shortly");
    }

    /** The RFC 6749 {@code error} code. */
    public String error() {
        return error;
    }

    /** HTTP status of the error response. */
    public int status() {
        return status;
    }
}
