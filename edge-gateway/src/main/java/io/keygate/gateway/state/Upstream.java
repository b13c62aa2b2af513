package io.keygate.gateway.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a route's requests go, parsed once when the route is applied rather than on every request.
 *
 * @param ssl      whether to use TLS
 * @param host     upstream host
 * @param port     upstream port (the scheme's default when the URL has none)
 * @param basePath path of the upstream URL without a trailing slash ({@code ""} for none)
 */
public record Upstream(boolean ssl, String host, int port, String basePath) {

    /**
     * Parses an absolute http(s) URL.
     *
     * @throws IllegalArgumentException when it is not one, or carries a query, fragment or user info
     */
    public static Upstream parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Upstream URL is not a URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Upstream URL must be http or https: " + url);
        }
        if (uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Upstream URL must be scheme://host[:port][/path]: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Upstream(ssl, uri.getHost(), port, path);
    }

    /**
     * The request URI to send upstream: base path, then the (normalised) request path, then the query. An empty
     * path (a stripped prefix that was the whole path) becomes the base path alone, or {@code /}.
     */
    public String requestUri(String path, String query) {
        StringBuilder uri =
                new StringBuilder(basePath.length() + path.length() + (query == null ? 1 : query.length() + 2));
        uri.append(basePath).append(path);
        if (uri.length() == 0) {
            uri.append('/');
        }
        if (query != null && !query.isEmpty()) {
            uri.append('?').append(query);
        }
        return uri.toString();
    }
}
