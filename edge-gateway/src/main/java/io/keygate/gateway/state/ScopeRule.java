package io.keygate.gateway.state;

import io.keygate.events.policy.ScopeRequirement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's scope requirement compiled for the request path: which methods and paths it covers and the scopes
 * a credential must all hold there. Path patterns: {@code *} is one segment, {@code **} any number of them
 * (none included), anything else is literal.
 *
 * @param methods methods covered; empty for all
 * @param path    the compiled path pattern
 * @param scopes  scopes required
 */
public record ScopeRule(Set<String> methods, Pattern path, List<String> scopes) {

    /** Compiles a published requirement. */
    public static ScopeRule of(ScopeRequirement requirement) {
        return new ScopeRule(
                Set.copyOf(requirement.methods()), compile(requirement.pathPattern()), requirement.scopes());
    }

    /** Whether the rule covers a request. */
    public boolean covers(String method, String requestPath) {
        return (methods.isEmpty() || methods.contains(method))
                && path.matcher(requestPath).matches();
    }

    /** Whether {@code held} includes every scope the rule requires. */
    public boolean isSatisfiedBy(List<String> held) {
        return held != null && held.containsAll(scopes);
    }

    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] segments = pattern.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("**")) {
                regex.append("(?:/[^/]*)*");
            } else if (segment.equals("*")) {
                regex.append("/[^/]+");
            } else {
                regex.append('/').append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.length() == 0 ? "/" : regex.toString());
    }
}
