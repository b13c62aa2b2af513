package io.keygate.gateway.check;

import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.policy.CredentialKind;
import io.vertx.core.MultiMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the credential a request presents: the {@code X-API-Key} header (always an API key), else an
 * {@code Authorization: Bearer <credential>} header, which carries an API key or a JWT access token told apart by
 * shape ({@link #kindOf}). Other authorization schemes present no credential.
 */
public final class CredentialExtractor {

    /** Header carrying an API key on its own. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** Standard authorization header. */
    public static final String AUTHORIZATION_HEADER = "Authorization";

    private static final String BEARER = "Bearer";
    private static final String API_KEY_PREFIX = "kg_";
    /** Query parameters named like a credential: API-key names, and RFC 6750's {@code access_token}. */
    private static final Set<String> QUERY_KEY_NAMES =
            Set.of("api_key", "apikey", "x-api-key", "api-key", "access_token");

    private CredentialExtractor() {}

    /** The presented credential (API key or JWT), or null when the request presents none. */
    public static String presentedKey(MultiMap headers) {
        String apiKey = headers.get(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        return bearerToken(headers.get(AUTHORIZATION_HEADER));
    }

    /**
     * The kind of the credential {@link #presentedKey} found: an API key in {@code X-API-Key}; in a bearer token, a
     * JWT when it has the compact JWS shape (two dots, base64url segments, a non-empty header and payload) and not
     * the {@code kg_} prefix of a Keygate key, else an API key (so anything unrecognised is an unknown key).
     */
    public static CredentialKind kindOf(MultiMap headers) {
        String apiKey = headers.get(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return CredentialKind.API_KEY;
        }
        String bearer = bearerToken(headers.get(AUTHORIZATION_HEADER));
        return bearer != null && looksLikeJwt(bearer) ? CredentialKind.JWT : CredentialKind.API_KEY;
    }

    /** Whether {@code token} has the shape of a JWS in compact serialisation, and not of a Keygate API key. */
    static boolean looksLikeJwt(String token) {
        if (token.startsWith(API_KEY_PREFIX)) {
            return false;
        }
        int firstDot = -1;
        int secondDot = -1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                } else {
                    return false;
                }
            } else if (!isBase64Url(c)) {
                return false;
            }
        }
        // The signature may be empty (alg none): still a JWT, refused for its algorithm, not an unknown key.
        return firstDot > 0 && secondDot > firstDot + 1;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /**
     * Whether a raw query string carries a credential: a parameter named like one ({@code api_key}, {@code apikey},
     * {@code x-api-key}, {@code access_token}, any case) or any value that is a well-formed Keygate key, encoded or
     * not.
     */
    public static boolean hasKeyInQuery(String query) {
        return hasKeyInQuery(query, null);
    }

    /**
     * As {@link #hasKeyInQuery(String)}, except in the parameter {@code allowed} (exactly that name; null for none),
     * from which the gateway is configured to accept API keys.
     */
    public static boolean hasKeyInQuery(String query, String allowed) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            if (name != null && name.equals(allowed)) {
                continue;
            }
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

    /**
     * The decoded value of the first parameter named exactly {@code name} in a raw query string ({@code ""} when it
     * has none, or one that does not decode), or null when there is no such parameter.
     */
    public static String queryParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (name.equals(decode(equals < 0 ? parameter : parameter.substring(0, equals)))) {
                String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                return value == null ? "" : value;
            }
        }
        return null;
    }

    /** A raw query string without any parameter named exactly {@code name}; null when nothing is left. */
    public static String withoutParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (!name.equals(decode(equals < 0 ? parameter : parameter.substring(0, equals)))) {
                if (!kept.isEmpty()) {
                    kept.append('&');
                }
                kept.append(parameter);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
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
