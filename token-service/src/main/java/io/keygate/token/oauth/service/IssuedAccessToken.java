package io.keygate.token.oauth.service;

import java.time.Instant;
import java.util.List;

/**
 * A signed access token and what the token response says about it.
 *
 * @param token     the compact JWS; never logged
 * @param jti       its id
 * @param keyId     the key that signed it
 * @param scopes    the granted scopes
 * @param expiresAt its {@code exp}
 * @param lifetime  seconds from issue to expiry ({@code expires_in})
 */
public record IssuedAccessToken(
        String token, String jti, String keyId, List<String> scopes, Instant expiresAt, long lifetime) {

    @Override
    public String toString() {
        return "IssuedAccessToken[jti=" + jti + ", kid=" + keyId + ", token=***]";
    }
}
