package io.keygate.gateway.proxy;

import io.keygate.gateway.cors.CorsRules;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Writes a route's CORS answer headers. On a route with a CORS policy the gateway owns them: the upstream's own
 * {@code Access-Control-*} headers are dropped so a browser never sees two contradicting answers.
 */
final class CorsHeaders {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    private static final String ACCESS_CONTROL = "Access-Control-";

    private CorsHeaders() {}

    /** Whether the request is a CORS preflight (Fetch standard: OPTIONS with an origin and a requested method). */
    static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && request.getHeader(ORIGIN) != null
                && request.getHeader(REQUEST_METHOD) != null;
    }

    /** The headers of an allowed preflight's answer. */
    static void addPreflight(
            MultiMap headers, CorsRules cors, String origin, String requestedMethod, String requestedHeaders) {
        addAllowOrigin(headers, cors, origin);
        headers.set("Access-Control-Allow-Methods", cors.allowMethods(requestedMethod));
        String allowHeaders = cors.allowHeaders(requestedHeaders);
        if (allowHeaders != null) {
            headers.set("Access-Control-Allow-Headers", allowHeaders);
        }
        headers.set("Access-Control-Max-Age", cors.maxAge());
        headers.add(HttpHeaders.VARY, REQUEST_METHOD + ", " + REQUEST_HEADERS);
    }

    /**
     * The CORS headers of any other answer on a route with CORS rules (null: none): the upstream's are dropped, and
     * an allowed {@code origin} (null: not a cross-origin request) may read the answer and its request id.
     */
    static void addToAnswer(MultiMap headers, CorsRules cors, String origin) {
        if (cors == null) {
            return;
        }
        for (Map.Entry<String, String> header : headers) {
            if (isAccessControl(header.getKey())) {
                removeAccessControl(headers);
                break;
            }
        }
        if (cors.allowsOrigin(origin)) {
            addAllowOrigin(headers, cors, origin);
            headers.set("Access-Control-Expose-Headers", RequestIds.HEADER);
        } else if (cors.variesByOrigin()) {
            headers.add(HttpHeaders.VARY, ORIGIN);
        }
    }

    private static void addAllowOrigin(MultiMap headers, CorsRules cors, String origin) {
        headers.set("Access-Control-Allow-Origin", cors.allowOrigin(origin));
        if (cors.variesByOrigin()) {
            headers.add(HttpHeaders.VARY, ORIGIN);
        }
        if (cors.allowsCredentials()) {
            headers.set("Access-Control-Allow-Credentials", "true");
        }
    }

    private static void removeAccessControl(MultiMap headers) {
        headers.names().stream().filter(CorsHeaders::isAccessControl).toList().forEach(headers::remove);
    }

    private static boolean isAccessControl(String name) {
        return name.regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length());
    }
}
