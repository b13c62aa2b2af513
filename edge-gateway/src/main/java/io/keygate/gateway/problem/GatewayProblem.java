package io.keygate.gateway.problem;

import io.keygate.problem.Problem;
import io.keygate.problem.Problems;

/**
 * The problems the proxy port answers with itself (as opposed to statuses relayed from an upstream). One
 * {@link #INVALID_CREDENTIAL} covers unknown, revoked and expired keys and every refused JWT alike, so a caller
 * cannot probe which keys ever existed or why a token failed; the precise reason is in the call record.
 */
public enum GatewayProblem {
    NO_ROUTE(404, "no-route", "No route", "No route matches this path."),
    KEY_IN_QUERY(
            401,
            "credential-in-query",
            "Credential in the query string",
            "API keys are not accepted in the URL, where proxies and servers log them: send the key in the"
                    + " X-API-Key header (or Authorization: Bearer), and consider rotating this one."),
    MALFORMED_REQUEST(
            400,
            "malformed-request",
            "Malformed request",
            "The request's path, Host header or framing is not accepted: no dot segments, encoded slashes or"
                    + " double encoding in the path, a valid Host, and either Content-Length or chunked encoding."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "The gateway does not proxy this method."),
    BODY_TOO_LARGE(413, "body-too-large", "Body too large", "The request body is larger than this route accepts."),
    MISSING_CREDENTIAL(
            401,
            "missing-credential",
            "Missing credential",
            "Present an API key in the X-API-Key header, or an API key or OAuth2 access token as"
                    + " Authorization: Bearer <credential>."),
    INVALID_CREDENTIAL(
            401, "invalid-credential", "Invalid credential", "The credential presented is not valid for this gateway."),
    CREDENTIAL_KIND_NOT_ACCEPTED(
            401,
            "credential-kind-not-accepted",
            "Credential kind not accepted",
            "This route does not accept this kind of credential (API key or OAuth2 access token)."),
    WRONG_TENANT(403, "forbidden", "Forbidden", "The credential presented may not call this route."),
    IP_NOT_ALLOWED(403, "ip-not-allowed", "Address not allowed", "Requests from this address are not allowed."),
    INSUFFICIENT_SCOPE(
            403,
            "insufficient-scope",
            "Insufficient scope",
            "The credential lacks a scope this route requires for this method and path."),
    NO_SUBSCRIPTION(
            403,
            "subscription-required",
            "Subscription required",
            "The credential's application has no approved subscription to this API. Subscribe in the developer"
                    + " portal; if the API needs approval, the call is accepted once its owner approves."),
    RATE_LIMITED(
            429,
            "rate-limited",
            "Too many requests",
            "The credential's rate limit has no room for this request now: retry after the number of seconds in"
                    + " Retry-After. RateLimit-Policy and RateLimit say which limit and how much is left."),
    QUOTA_EXCEEDED(
            429,
            "quota-exceeded",
            "Quota exceeded",
            "The credential's quota is used up: it refills when the period ends (Retry-After gives the seconds"
                    + " until then), or sooner with a plan that allows more."),
    NOT_READY(
            503,
            "gateway-not-ready",
            "Gateway not ready",
            "The gateway is still loading its state and serves no request until it has. Retry shortly."),
    CORS_NOT_ALLOWED(
            403,
            "cors-not-allowed",
            "Cross-origin request not allowed",
            "This route does not allow cross-origin requests from this origin with this method or these headers."),
    HEADERS_TOO_LARGE(
            431,
            "headers-too-large",
            "Request headers too large",
            "The request's header section is larger than the gateway accepts."),
    URI_TOO_LONG(414, "uri-too-long", "URI too long", "The request line is longer than the gateway accepts."),
    STATE_TOO_STALE(
            503,
            "gateway-state-stale",
            "Gateway state too stale",
            "The gateway has lost touch with its credential and policy updates for longer than it may serve without"
                    + " them, and refuses requests until it is up to date again. Retry shortly."),
    UPSTREAM_UNAVAILABLE(
            502, "upstream-unavailable", "Upstream unavailable", "The upstream service could not be reached."),
    UPSTREAM_TIMEOUT(504, "upstream-timeout", "Upstream timeout", "The upstream service did not answer in time."),
    INTERNAL_ERROR(
            500,
            "internal-error",
            "Internal error",
            "The gateway failed to handle the request; quote the request id when reporting it.");

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    GatewayProblem(int status, String slug, String title, String detail) {
        this.status = status;
        this.type = Problems.TYPE_BASE + slug;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** This problem for one request on {@code path}. */
    public Problem toProblem(String path) {
        return new Problem(type, title, status, detail, path, null);
    }
}
