package io.keygate.gateway.cors;

import io.keygate.events.policy.CorsPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's {@link CorsPolicy} compiled once when the route is applied: which origins, methods and request headers
 * a browser may use cross-origin, and the response header values the gateway answers with (Fetch standard, "CORS
 * protocol"). The gateway answers preflights itself and owns the CORS headers of the route's responses.
 */
public final class CorsRules {

    /** Methods a browser never asks a preflight for (Fetch: CORS-safelisted methods). */
    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final Set<String> methods;
    private final Set<String> headers;
    private final boolean anyHeader;
    private final boolean allowCredentials;
    private final String allowMethods;
    private final String allowHeaders;
    private final String maxAge;

    private CorsRules(CorsPolicy policy, List<String> routeMethods) {
        this.origins = Set.copyOf(policy.allowedOrigins());
        this.anyOrigin = origins.contains("*");
        List<String> allowed = policy.allowedMethods().isEmpty() ? routeMethods : policy.allowedMethods();
        this.methods = Set.copyOf(allowed);
        this.headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.addAll(policy.allowedHeaders());
        // "*" means any header only for requests without credentials; with them it is a header named "*".
        this.anyHeader = headers.contains("*") && !policy.allowCredentials();
        this.allowCredentials = policy.allowCredentials();
        this.allowMethods = String.join(", ", allowed);
        this.allowHeaders = String.join(", ", policy.allowedHeaders());
        this.maxAge = Integer.toString(policy.maxAgeSeconds());
    }

    /**
     * The rules of a route's policy.
     *
     * @param routeMethods the route's methods, used when the policy names none (empty: every method)
     */
    public static CorsRules of(CorsPolicy policy, List<String> routeMethods) {
        return new CorsRules(policy, routeMethods);
    }

    /** Whether {@code origin} (the request's {@code Origin} header) may read the route's answers. */
    public boolean allowsOrigin(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /**
     * Whether a preflight from {@code origin} asking for {@code method} and {@code requestHeaders} (the raw,
     * comma-separated {@code Access-Control-Request-Headers}, or null) is allowed.
     */
    public boolean allowsPreflight(String origin, String method, String requestHeaders) {
        if (!allowsOrigin(origin) || method == null) {
            return false;
        }
        String upper = method.strip().toUpperCase(Locale.ROOT);
        if (!SAFELISTED_METHODS.contains(upper) && !methods.isEmpty() && !methods.contains(upper)) {
            return false;
        }
        if (requestHeaders == null || requestHeaders.isBlank() || anyHeader) {
            return true;
        }
        for (String header : requestHeaders.split(",")) {
            String name = header.strip();
            if (!name.isEmpty() && !headers.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code Access-Control-Allow-Origin} value for an allowed {@code origin}. */
    public String allowOrigin(String origin) {
        // A wildcard answer is only valid without credentials; naming the origin always is.
        return anyOrigin && !allowCredentials ? "*" : origin;
    }

    /** Whether the answer varies by origin (it names the origin rather than {@code *}). */
    public boolean variesByOrigin() {
        return !(anyOrigin && !allowCredentials);
    }

    public boolean allowsCredentials() {
        return allowCredentials;
    }

    /**
     * The {@code Access-Control-Allow-Methods} value: the policy's methods; the requested one when the policy allows
     * every method.
     */
    public String allowMethods(String requested) {
        return allowMethods.isEmpty() ? requested : allowMethods;
    }

    /**
     * The {@code Access-Control-Allow-Headers} value: the policy's headers, or the requested ones when any header is
     * allowed; null for none.
     */
    public String allowHeaders(String requested) {
        if (anyHeader) {
            return requested == null || requested.isBlank() ? null : requested;
        }
        return allowHeaders.isEmpty() ? null : allowHeaders;
    }

    /** The {@code Access-Control-Max-Age} value, seconds. */
    public String maxAge() {
        return maxAge;
    }
}
