package io.keygate.token.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the client's credentials from a token request, per RFC 6749 §2.3.1: HTTP Basic with the form-
 * urlencoded id and secret ({@code client_secret_basic}), or {@code client_id} and {@code client_secret}
 * in the body ({@code client_secret_post}). Using both at once, or neither, is refused.
 */
public final class ClientAuthentication {

    private ClientAuthentication() {}

    /**
     * The presented credentials.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param form          the request body parameters
     * @throws TokenRequestException {@code invalid_client} when they are missing or malformed,
     *                               {@code invalid_request} when both methods are used
     */
    public static ClientCredentials from(String authorization, Map<String, List<String>> form) {
        String postedId = TokenRequestForm.single(form, "client_id");
        String postedSecret = TokenRequestForm.single(form, "client_secret");
        if (authorization != null) {
            if (postedSecret != null) {
                throw TokenRequestException.invalidRequest("Use one client authentication method, not both");
            }
            ClientCredentials basic = basic(authorization);
            if (postedId != null && !postedId.equals(basic.clientId())) {
                throw TokenRequestException.invalidRequest("client_id differs from the authenticated client");
            }
            return basic;
        }
        if (postedId == null || postedSecret == null || postedId.isEmpty() || postedSecret.isEmpty()) {
            throw TokenRequestException.invalidClient();
        }
        return new ClientCredentials(postedId, postedSecret, false);
    }

    private static ClientCredentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TokenRequestException.invalidClient();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenRequestException.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw TokenRequestException.invalidClient();
        }
        try {
            // RFC 6749 §2.3.1: both parts are application/x-www-form-urlencoded before Basic encoding.
            return new ClientCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    true);
        } catch (IllegalArgumentException e) {
            throw TokenRequestException.invalidClient();
        }
    }
}
