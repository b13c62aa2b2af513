package io.keygate.token.identity.session;

import java.time.Instant;

/**
 * What a login or a refresh hands out: a session access token and the session's next refresh token (each shown
 * once).
 *
 * @param sessionId            the session
 * @param userId               whose
 * @param accessToken          the signed JWT
 * @param accessTokenExpiresAt its {@code exp}
 * @param refreshToken         the refresh token ({@code kgrt_…}), single use
 * @param expiresIn            the access token's lifetime in seconds
 */
public record IssuedSession(
        String sessionId,
        String userId,
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        long expiresIn) {

    @Override
    public String toString() {
        return "IssuedSession[" + sessionId + "]";
    }
}
