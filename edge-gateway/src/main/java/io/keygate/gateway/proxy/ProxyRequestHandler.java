package io.keygate.gateway.proxy;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.net.ClientAddresses;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.check.CheckChain;
import io.keygate.gateway.check.Rejection;
import io.keygate.gateway.check.RouteMatchCheck;
import io.keygate.gateway.path.RequestPath;
import io.keygate.gateway.problem.GatewayProblem;
import io.keygate.gateway.ratelimit.CallLimits;
import io.keygate.gateway.ratelimit.Limit;
import io.keygate.gateway.ratelimit.LimitDecision;
import io.keygate.gateway.ratelimit.LimitKind;
import io.keygate.gateway.ratelimit.RateLimitHeaders;
import io.keygate.gateway.ratelimit.RateLimiter;
import io.keygate.gateway.ratelimit.RateLimiting;
import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.GatewayState;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Handles one request on the proxy port: refuses everything while the state is not ready or too stale (503), runs
 * the check chain and the rate limiter, answers a refusal as problem JSON or hands the request to the forwarder, and
 * makes sure every call ends in exactly one call record.
 */
final class ProxyRequestHandler implements Handler<HttpServerRequest> {

    private static final Logger LOG = Logger.getLogger(ProxyRequestHandler.class);
    private static final String ALLOWED_METHODS =
            String.join(", ", RequestShape.METHODS.stream().sorted().toList());

    private final GatewayState state;
    private final CheckChain checks;
    private final UpstreamForwarder forwarder;
    private final ProblemResponder problems;
    private final CallFinisher finisher;
    private final ClientAddresses clients;
    private final CallLimits callLimits;
    private final RateLimiter limiter;

    ProxyRequestHandler(
            GatewayState state,
            CheckChain checks,
            UpstreamForwarder forwarder,
            ProblemResponder problems,
            CallFinisher finisher,
            ClientAddresses clients,
            CallLimits callLimits,
            RateLimiter limiter) {
        this.clients = clients;
        this.callLimits = callLimits;
        this.limiter = limiter;
        this.state = state;
        this.checks = checks;
        this.forwarder = forwarder;
        this.problems = problems;
        this.finisher = finisher;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        HttpServerResponse response = request.response();
        response.putHeader(RequestIds.HEADER, requestId);
        String path = RequestPath.normalise(request.path());
        if (request.getHeader(HttpHeaders.HOST) == null && request.authority() != null) {
            // HTTP/2 carries the host as :authority; routes match on it as on an HTTP/1.1 Host header.
            request.headers().set(HttpHeaders.HOST, request.authority().toString());
        }
        CallContext call = new CallContext(
                requestId, request.method().name(), path, request.headers(), clientIp(request), Instant.now());
        call.query(request.query());
        Rejection unsound = RequestShape.check(call.method(), request.path(), request.headers());
        if (unsound != null) {
            reject(request, call, unsound);
            return;
        }
        if (!state.isReady()) {
            // Fail closed, and say so in the call record.
            answer(response, call, CallOutcome.NOT_READY, GatewayProblem.NOT_READY);
            return;
        }
        if (state.isTooStale()) {
            // Cut off from the state topics too long: a revocation may be missing, so serve nothing.
            answer(response, call, CallOutcome.STATE_TOO_STALE, GatewayProblem.STATE_TOO_STALE);
            return;
        }
        if (CorsHeaders.isPreflight(request) && answeredPreflight(request, call)) {
            return;
        }
        Rejection rejection;
        try {
            rejection = checks.run(call);
        } catch (RuntimeException e) {
            // A bug, not a client error: fail closed, keep the details in the log.
            LOG.errorf(e, "Check chain failed for request %s", requestId);
            answer(response, call, CallOutcome.GATEWAY_ERROR, GatewayProblem.INTERNAL_ERROR);
            return;
        }
        if (rejection != null) {
            reject(request, call, rejection);
            return;
        }
        long nowMicros = RateLimiting.micros(call.receivedAt());
        List<Limit> limits = callLimits.of(call, nowMicros);
        if (limits.isEmpty()) {
            forward(request, call);
            return;
        }
        // Body chunks that arrive while a cluster limiter asks Redis must wait, not be lost.
        request.pause();
        limiter.admit(limits, nowMicros).onComplete(decided -> {
            if (decided.failed()) {
                // Limiters decide locally rather than fail; this is a bug: fail closed, details in the log.
                LOG.errorf(decided.cause(), "Rate limiter failed for request %s", requestId);
                request.resume();
                answer(response, call, CallOutcome.GATEWAY_ERROR, GatewayProblem.INTERNAL_ERROR);
                return;
            }
            LimitDecision decision = decided.result();
            RateLimitHeaders.apply(decision, response.headers());
            if (decision.admitted()) {
                forward(request, call);
                return;
            }
            request.resume();
            boolean quota = decision.refusedBy().kind() == LimitKind.QUOTA;
            answer(
                    response,
                    call,
                    quota ? CallOutcome.QUOTA_EXCEEDED : CallOutcome.RATE_LIMITED,
                    quota ? GatewayProblem.QUOTA_EXCEEDED : GatewayProblem.RATE_LIMITED);
        });
    }

    private void forward(HttpServerRequest request, CallContext call) {
        // A client that goes away mid-proxy still gets its call recorded.
        request.response().closeHandler(closed -> finisher.finish(call));
        forwarder.forward(request, call);
    }

    /**
     * Answers a CORS preflight on a route with CORS rules at the gateway: a browser sends no credential with it
     * (Fetch standard), so it must be answered before the credential checks, and it never goes upstream. The route
     * is the one that would serve the method the preflight asks for. False when no such route has CORS rules: the
     * request is then an ordinary OPTIONS request.
     */
    private boolean answeredPreflight(HttpServerRequest request, CallContext call) {
        String method = request.getHeader(CorsHeaders.REQUEST_METHOD).strip().toUpperCase(Locale.ROOT);
        GatewayRoute route =
                state.routes().match(RouteMatchCheck.hostOf(request.getHeader(HttpHeaders.HOST)), method, call.path());
        if (route == null || route.cors() == null) {
            return false;
        }
        call.route(route);
        String origin = request.getHeader(CorsHeaders.ORIGIN);
        String headers = request.getHeader(CorsHeaders.REQUEST_HEADERS);
        HttpServerResponse response = request.response();
        if (!route.cors().allowsPreflight(origin, method, headers)) {
            answer(response, call, CallOutcome.CORS_REFUSED, GatewayProblem.CORS_NOT_ALLOWED);
            return true;
        }
        CorsHeaders.addPreflight(response.headers(), route.cors(), origin, method, headers);
        call.answered(CallOutcome.CORS_PREFLIGHT, 204);
        response.setStatusCode(204).end().onComplete(written -> finisher.finish(call));
        return true;
    }

    /**
     * Answers a request the HTTP decoder could not read (a request line or header section over the configured limits,
     * or garbage) with problem JSON instead of Vert.x's bare status, and closes the connection: its framing is lost.
     */
    void refuseUndecodable(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        GatewayProblem problem = cause instanceof TooLongHttpLineException
                ? GatewayProblem.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException
                        ? GatewayProblem.HEADERS_TOO_LARGE
                        : GatewayProblem.MALFORMED_REQUEST;
        LOG.debugf("Undecodable request refused with %d: %s", problem.status(), cause);
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(response, problem, problems.body(problem, null)).onComplete(written -> {
            if (request.connection() != null) {
                request.connection().close();
            }
        });
    }

    private void reject(HttpServerRequest request, CallContext call, Rejection rejection) {
        HttpServerResponse response = request.response();
        if (rejection == Rejection.METHOD_NOT_ALLOWED) {
            // RFC 9110 §15.5.6: a 405 lists the methods that are allowed.
            response.putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
        }
        if (rejection != Rejection.MALFORMED_REQUEST && rejection != Rejection.BODY_TOO_LARGE) {
            answer(response, call, rejection.outcome(), rejection.problem());
            return;
        }
        addCors(response, call);
        // Ambiguous framing, or a body left unread: no further request can be read from this connection safely.
        response.putHeader(HttpHeaders.CONNECTION, "close");
        Buffer body = problems.body(rejection.problem(), call.path());
        call.answered(rejection.outcome(), rejection.problem().status());
        call.addBytesOut(body.length());
        problems.send(response, rejection.problem(), body).onComplete(written -> {
            finisher.finish(call);
            if (request.connection() != null) {
                request.connection().close();
            }
        });
    }

    private void answer(HttpServerResponse response, CallContext call, CallOutcome outcome, GatewayProblem problem) {
        addCors(response, call);
        Buffer body = problems.body(problem, call.path());
        call.answered(outcome, problem.status());
        call.addBytesOut(body.length());
        problems.send(response, problem, body).onComplete(written -> finisher.finish(call));
    }

    /** On a route with CORS rules, lets an allowed origin read the gateway's own answer too. */
    private static void addCors(HttpServerResponse response, CallContext call) {
        if (call.route() != null) {
            CorsHeaders.addToAnswer(
                    response.headers(), call.route().cors(), call.headers().get(CorsHeaders.ORIGIN));
        }
    }

    private String clientIp(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return clients.resolve(
                remote == null ? null : remote.hostAddress(),
                request.headers().getAll(ForwardingHeaders.FORWARDED_FOR));
    }
}
