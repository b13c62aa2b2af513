package io.keygate.token.oauth;

import java.util.List;
import java.util.Map;

/** Reads the parameters of a token request body (RFC 6749 §3.2: none may appear more than once). */
public final class TokenRequestForm {

    private TokenRequestForm() {}

    /** The parameter's only value, or null if absent. */
    public static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw TokenRequestException.invalidRequest("Parameter " + name + " is repeated");
        }
        return values.get(0);
    }

    /** Checks {@code grant_type}: present and {@code client_credentials}. */
    public static void requireClientCredentialsGrant(Map<String, List<String>> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw TokenRequestException.invalidRequest("grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            throw TokenRequestException.unsupportedGrantType();
        }
    }
}
