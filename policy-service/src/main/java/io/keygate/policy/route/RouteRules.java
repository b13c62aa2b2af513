package io.keygate.policy.route;

import io.keygate.events.policy.CorsPolicy;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.RouteTarget;
import io.keygate.events.policy.ScopeRequirement;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules every route definition obeys, checked and normalised on every definition so no event carries a
 * route the REST API would have refused. Upstream URLs are also put through the {@link UpstreamGuard}.
 */
public final class RouteRules {

    /** Methods a route can serve; an empty list means all of them. */
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public static final int MAX_NAME = 100;
    public static final int MAX_TARGETS = 16;
    public static final int MAX_WEIGHT = 1000;
    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_CONNECT_TIMEOUT_MS = 60_000;
    public static final int MAX_READ_TIMEOUT_MS = 300_000;
    public static final int MAX_RETRIES = 5;
    public static final int MAX_SCOPE_REQUIREMENTS = 100;
    public static final long MAX_BODY_BYTES = 100L * 1024 * 1024;
    public static final int MAX_CORS_AGE_SECONDS = 86_400;

    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern PATH_PATTERN = Pattern.compile("/[A-Za-z0-9._~*/-]{0,511}");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");

    private RouteRules() {}

    /**
     * The definition, checked and normalised (host lower case or {@code *}, prefix without trailing slash,
     * methods sorted and unique, URLs normalised).
     *
     * @throws RouteRejectedException naming the first bad field
     */
    public static RouteDefinition check(RouteDefinition d, UpstreamGuard guard) {
        String name = d.name();
        if (name != null
                && (name.length() > MAX_NAME || CONTROL_CHARACTER.matcher(name).find())) {
            throw invalid("name", "must be at most " + MAX_NAME + " characters, without control characters");
        }
        return new RouteDefinition(
                name,
                host(d.host()),
                RoutePaths.normalisePrefix(d.pathPrefix()),
                methods("methods", d.methods()),
                targets(d.targets(), guard),
                healthCheckPath(d.healthCheckPath()),
                d.stripPrefix(),
                bounded("connectTimeoutMs", d.connectTimeoutMs(), MIN_TIMEOUT_MS, MAX_CONNECT_TIMEOUT_MS),
                bounded("readTimeoutMs", d.readTimeoutMs(), MIN_TIMEOUT_MS, MAX_READ_TIMEOUT_MS),
                bounded("retries", d.retries(), 0, MAX_RETRIES),
                scopeRequirements(d.scopeRequirements()),
                credentialKinds(d.credentialKinds()),
                maxBodyBytes(d.maxBodyBytes()),
                cors(d.cors()));
    }

    /** The methods a route claims: its own, or all of them when it names none. */
    public static List<String> claimedMethods(RouteState route) {
        return route.methods().isEmpty() ? METHODS : route.methods();
    }

    private static String host(String host) {
        if (host == null || host.equals(RouteState.ANY_HOST)) {
            return RouteState.ANY_HOST;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.length() > 253 || !HOST.matcher(h).matches()) {
            throw invalid("host", "must be a host name without port (letters, digits, - and .), or * for any host");
        }
        return h;
    }

    private static List<String> methods(String field, List<String> methods) {
        if (methods == null) {
            return List.of();
        }
        TreeSet<String> unique = new TreeSet<>();
        for (String method : methods) {
            String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(m)) {
                throw invalid(field, "must be among " + String.join(", ", METHODS));
            }
            unique.add(m);
        }
        return unique.size() == METHODS.size() ? List.of() : List.copyOf(unique);
    }

    private static List<RouteTarget> targets(List<RouteTarget> targets, UpstreamGuard guard) {
        if (targets == null || targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw invalid("targets", "must list 1 to " + MAX_TARGETS + " upstream targets");
        }
        List<RouteTarget> checked = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            RouteTarget target = targets.get(i);
            String field = "targets[" + i + "]";
            if (target == null) {
                throw invalid(field, "must be an object with url and weight");
            }
            String url = RoutePaths.validateUpstream(target.url(), field + ".url");
            String refusal = guard.refusal(URI.create(url).getHost());
            if (refusal != null) {
                throw new RouteRejectedException(new RouteRejection.UnsafeTarget(field + ".url", "host " + refusal));
            }
            checked.add(new RouteTarget(url, bounded(field + ".weight", target.weight(), 1, MAX_WEIGHT)));
        }
        return checked;
    }

    private static String healthCheckPath(String path) {
        if (path == null) {
            return null;
        }
        if (!PATH_PATTERN.matcher(path).matches() || path.contains("*") || path.contains("/../")) {
            throw invalid("healthCheckPath", "must be an absolute path such as /health");
        }
        return path;
    }

    private static int bounded(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static List<ScopeRequirement> scopeRequirements(List<ScopeRequirement> requirements) {
        if (requirements == null) {
            return List.of();
        }
        if (requirements.size() > MAX_SCOPE_REQUIREMENTS) {
            throw invalid("scopeRequirements", "must list at most " + MAX_SCOPE_REQUIREMENTS);
        }
        List<ScopeRequirement> checked = new ArrayList<>();
        for (int i = 0; i < requirements.size(); i++) {
            ScopeRequirement r = requirements.get(i);
            String field = "scopeRequirements[" + i + "]";
            if (r == null) {
                throw invalid(field, "must be an object with methods, pathPattern and scopes");
            }
            if (r.pathPattern() == null
                    || !PATH_PATTERN.matcher(r.pathPattern()).matches()) {
                throw invalid(field + ".pathPattern", "must be an absolute path; * matches a segment, ** any");
            }
            if (r.scopes().isEmpty()
                    || r.scopes().size() > 50
                    || !r.scopes().stream()
                            .allMatch(s -> s != null && SCOPE.matcher(s).matches())) {
                throw invalid(field + ".scopes", "must list 1 to 50 scopes (RFC 6749 scope tokens)");
            }
            checked.add(new ScopeRequirement(
                    methods(field + ".methods", r.methods()), r.pathPattern(), List.copyOf(new TreeSet<>(r.scopes()))));
        }
        return checked;
    }

    private static List<CredentialKind> credentialKinds(List<CredentialKind> kinds) {
        if (kinds == null || kinds.isEmpty() || kinds.stream().anyMatch(Objects::isNull)) {
            throw invalid("credentialKinds", "must list at least one of API_KEY, JWT");
        }
        return List.copyOf(EnumSet.copyOf(kinds));
    }

    private static long maxBodyBytes(long value) {
        if (value < 0 || value > MAX_BODY_BYTES) {
            throw invalid("maxBodyBytes", "must be between 0 and " + MAX_BODY_BYTES);
        }
        return value;
    }

    private static CorsPolicy cors(CorsPolicy cors) {
        if (cors == null) {
            return null;
        }
        List<String> origins = cors.allowedOrigins();
        if (origins.isEmpty() || origins.size() > 50) {
            throw invalid("cors.allowedOrigins", "must list 1 to 50 origins, or *");
        }
        for (String origin : origins) {
            if (origin == null || !(origin.equals("*") || isOrigin(origin))) {
                throw invalid("cors.allowedOrigins", "must be origins such as https://app.example.com, or *");
            }
        }
        if (cors.allowCredentials() && origins.contains("*")) {
            // Browsers refuse credentials with a wildcard origin (Fetch standard); reflecting any origin instead
            // would let every site read authenticated answers.
            throw invalid("cors.allowedOrigins", "must name the origins, not *, when allowCredentials is true");
        }
        if (cors.allowedHeaders().size() > 50
                || !cors.allowedHeaders().stream()
                        .allMatch(h -> h != null && HEADER_NAME.matcher(h).matches())) {
            throw invalid("cors.allowedHeaders", "must list at most 50 header names");
        }
        return new CorsPolicy(
                List.copyOf(origins),
                cors.allowedMethods().isEmpty() ? List.of() : methods("cors.allowedMethods", cors.allowedMethods()),
                cors.allowedHeaders(),
                cors.allowCredentials(),
                bounded("cors.maxAgeSeconds", cors.maxAgeSeconds(), 0, MAX_CORS_AGE_SECONDS));
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static RouteRejectedException invalid(String field, String message) {
        return new RouteRejectedException(new RouteRejection.InvalidField(field, message));
    }
}
