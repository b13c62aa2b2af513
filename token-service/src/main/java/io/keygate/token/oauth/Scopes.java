package io.keygate.token.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Scope rules of the client-credentials grant (RFC 6749 §3.3). */
public final class Scopes {

    /** One scope token as Keygate writes them (a subset of RFC 6749's NQCHAR). */
    public static final String SCOPE_TOKEN = "[A-Za-z0-9:._*/-]{1,128}";

    private static final Pattern TOKEN = Pattern.compile(SCOPE_TOKEN);

    private Scopes() {}

    /**
     * The scopes to grant: all the client's scopes when none is requested, else the requested ones, which
     * must all be among the client's.
     *
     * @param requested the space-delimited {@code scope} parameter, or null
     * @param allowed   the client's scopes
     * @throws TokenRequestException {@code invalid_scope} for a malformed or not-allowed scope
     */
    public static List<String> grant(String requested, List<String> allowed) {
        if (requested == null) {
            return List.copyOf(allowed);
        }
        if (requested.isEmpty() || requested.length() > 4096) {
            throw TokenRequestException.invalidScope("scope must list one or more scopes");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : Arrays.asList(requested.split(" ", -1))) {
            if (!TOKEN.matcher(scope).matches()) {
                throw TokenRequestException.invalidScope("scope is malformed");
            }
            if (!allowed.contains(scope)) {
                throw TokenRequestException.invalidScope("scope " + scope + " is not granted to this client");
            }
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }
}
