package io.keygate.events.policy;

import java.util.List;
import java.util.Objects;

/**
 * Scopes a credential needs for some requests of a route.
 *
 * @param methods     HTTP methods it applies to; empty for all
 * @param pathPattern request paths it applies to: {@code /orders/*} matches one segment, {@code /orders/**} any
 *                    number, anything else literally
 * @param scopes      scopes the credential must all hold
 */
public record ScopeRequirement(List<String> methods, String pathPattern, List<String> scopes) {

    public ScopeRequirement {
        methods = methods == null ? List.of() : List.copyOf(methods);
        Objects.requireNonNull(pathPattern, "pathPattern");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
