package io.keygate.events.policy;

import java.util.List;

/**
 * Cross-origin resource sharing answers for a route.
 *
 * @param allowedOrigins   origins ({@code https://app.example.com}) or {@code *}; never {@code *} with credentials
 * @param allowedMethods   methods allowed cross-origin
 * @param allowedHeaders   request headers allowed cross-origin
 * @param allowCredentials whether cookies and authorization headers may be sent cross-origin
 * @param maxAgeSeconds    how long a browser may cache a preflight answer
 */
public record CorsPolicy(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        boolean allowCredentials,
        int maxAgeSeconds) {

    public CorsPolicy {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
    }
}
