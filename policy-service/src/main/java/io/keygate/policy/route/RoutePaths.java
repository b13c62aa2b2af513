package io.keygate.policy.route;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation and normalisation of route path prefixes and upstream URLs. */
public final class RoutePaths {

    private static final Pattern PREFIX = Pattern.compile("/([A-Za-z0-9._~-]+/?)*");

    private RoutePaths() {}

    /**
     * The normalised prefix (no trailing slash except for {@code /}).
     *
     * @throws RouteRejectedException if it is not an absolute, plain path without dot segments
     */
    public static String normalisePrefix(String prefix) {
        if (prefix == null || prefix.length() > 512 || !PREFIX.matcher(prefix).matches()) {
            throw invalid("pathPrefix", "must be an absolute path of letters, digits and . _ ~ - segments");
        }
        for (String segment : prefix.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid("pathPrefix", "must not contain . or .. segments");
            }
        }
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /**
     * The upstream URL, checked: http or https, a host, no credentials, no query or fragment.
     *
     * @throws RouteRejectedException otherwise
     */
    public static String validateUpstream(String url, String field) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (url != null && url.length() > 2048) {
            throw invalid(field, "must be at most 2048 characters");
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw invalid(field, "must be an absolute http(s) URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, "scheme must be http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(field, "must not contain credentials");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(field, "must not contain a query or fragment");
        }
        String normalised = uri.normalize().toString();
        return normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1) : normalised;
    }

    private static RouteRejectedException invalid(String field, String message) {
        return new RouteRejectedException(new RouteRejection.InvalidField(field, message));
    }
}
