package io.keygate.gateway.check;

import io.vertx.core.MultiMap;

/**
 * Finds the API key a request presents: the {@code X-API-Key} header, else an
 * {@code Authorization: Bearer <key>} header. Other authorization schemes present no API key.
 */
public final class CredentialExtractor {

    /** Header carrying an API key on its own. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** Standard authorization header. */
    public static final String AUTHORIZATION_HEADER = "Authorization";

    private static final String BEARER = "Bearer";

    private CredentialExtractor() {}

    /** The presented key, or null when the request presents none. */
    public static String presentedKey(MultiMap headers) {
        String apiKey = headers.get(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        return bearerToken(headers.get(AUTHORIZATION_HEADER));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() <= BEARER.length()
                || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !Character.isWhitespace(value.charAt(BEARER.length()))) {
            return null;
        }
        String token = value.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
