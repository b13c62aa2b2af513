package io.keygate.gateway.state;

import io.keygate.events.policy.ScopeRequirement;
import java.util.List;
import java.util.Set;

/**
 * A route's scope requirement compiled for the request path: which methods and paths it covers and the scopes
 * a credential must all hold there. Path patterns: {@code *} is one segment, {@code **} any number of them
 * (none included), anything else is literal.
 *
 * @param methods methods covered; empty for all
 * @param path    the compiled path pattern
 * @param scopes  scopes required
 */
public record ScopeRule(Set<String> methods, PathPattern path, List<String> scopes) {

    /** Compiles a published requirement. */
    public static ScopeRule of(ScopeRequirement requirement) {
        return new ScopeRule(
                Set.copyOf(requirement.methods()),
                PathPattern.compile(requirement.pathPattern()),
                requirement.scopes());
    }

    /**
     * Whether the rule covers a request. A rule on GET covers HEAD too: servers answer HEAD with their GET handler
     * (RFC 9110 §9.3.2), so HEAD would otherwise reach a protected GET without its scope.
     */
    public boolean covers(String method, String requestPath) {
        return (methods.isEmpty() || methods.contains(method) || (method.equals("HEAD") && methods.contains("GET")))
                && path.matches(requestPath);
    }

    /** Whether {@code held} includes every scope the rule requires. */
    public boolean isSatisfiedBy(List<String> held) {
        return held != null && held.containsAll(scopes);
    }
}
