package io.keygate.gateway.jwt;

/**
 * The outcome of verifying one presented token.
 *
 * @param verdict valid, or why the token is refused
 * @param token   the verified token when its signature and claims checked out (also when it is then refused for
 *                time or revocation, so the call record can name its client); null otherwise
 */
public record TokenVerification(TokenVerdict verdict, VerifiedAccessToken token) {

    private static final TokenVerification[] WITHOUT_TOKEN = new TokenVerification[TokenVerdict.values().length];

    static {
        for (TokenVerdict verdict : TokenVerdict.values()) {
            WITHOUT_TOKEN[verdict.ordinal()] = new TokenVerification(verdict, null);
        }
    }

    /** A refusal before the token could be trusted: nothing about it is believed. */
    public static TokenVerification refused(TokenVerdict verdict) {
        return WITHOUT_TOKEN[verdict.ordinal()];
    }

    /** Whether the token is accepted. */
    public boolean isValid() {
        return verdict == TokenVerdict.VALID;
    }
}
