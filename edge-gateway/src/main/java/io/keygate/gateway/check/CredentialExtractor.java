package io.keygate.gateway.check;

import io.keygate.events.credential.ApiKeyFormat;
import io.vertx.core.MultiMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

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
    private static final Set<String> QUERY_KEY_NAMES = Set.of("api_key", "apikey", "x-api-key", "api-key");

    private CredentialExtractor() {}

    /** The presented key, or null when the request presents none. */
    public static String presentedKey(MultiMap headers) {
        String apiKey = headers.get(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        return bearerToken(headers.get(AUTHORIZATION_HEADER));
    }

    /**
     * Whether a raw query string carries an API key: a parameter named like one ({@code api_key}, {@code apikey},
     * {@code x-api-key}, any case) or any value that is a well-formed Keygate key, encoded or not.
     */
    public static boolean hasKeyInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            if (name != null && QUERY_KEY_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
            String value = equals < 0 ? null : decode(parameter.substring(equals + 1));
            if (value != null && ApiKeyFormat.isWellFormed(value.strip())) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
