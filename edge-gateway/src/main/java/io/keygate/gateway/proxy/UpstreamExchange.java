package io.keygate.gateway.proxy;

import io.keygate.events.call.CallOutcome;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.problem.GatewayProblem;
import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.Upstream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One accepted request on its way to its route's targets, confined to the request's event loop. Each attempt goes
 * to the target the balancer picks; a connect failure, or a timeout before any answer of a request whose body was
 * not read yet, is retried on another target as often as the route allows for the method (never a POST or PATCH).
 * Bodies stream in both directions with back-pressure and are counted; a request body that grows past the route's
 * limit is cut off with 413 and the upstream request reset. An attempt that fails after the answer's head was relayed
 * resets the client's stream, never a truncated body that looks whole.
 */
final class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    private final UpstreamForwarder forwarder;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final CallContext call;
    private final GatewayRoute route;
    private final boolean hasBody;
    private final MultiMap upstreamHeaders;
    private final String upstreamPath;
    private int retriesLeft;
    private long triedTargets;
    private boolean bodyRead;
    private boolean answered;
    private HttpClientRequest upstreamRequest;

    UpstreamExchange(UpstreamForwarder forwarder, HttpServerRequest request, CallContext call) {
        this.forwarder = forwarder;
        this.request = request;
        this.response = request.response();
        this.call = call;
        this.route = call.route();
        this.hasBody = hasBody(request);
        this.upstreamHeaders =
                ForwardingHeaders.toUpstream(request.headers(), call, request.scheme(), forwardedHost(request));
        this.upstreamPath = route.upstreamPath(call.path());
        this.retriesLeft = route.state().retriesFor(call.method());
    }

    void start() {
        // Body chunks that arrive while a connection is being obtained must wait, not be lost; and a body not read
        // yet can still go to another target.
        request.pause();
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            response.writeContinue();
        }
        attempt();
    }

    private void attempt() {
        int target = route.balancer().pick(System.nanoTime(), triedTargets, forwarder.health);
        triedTargets |= 1L << target;
        Upstream upstream = route.upstreams().get(target);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.requestUri(upstreamPath, call.query()))
                .setHeaders(upstreamHeaders)
                .setConnectTimeout(forwarder.connectTimeoutMillis(route))
                .setIdleTimeout(forwarder.readTimeoutMillis(route));
        try {
            forwarder.client.request(options).onComplete(connected -> {
                if (connected.succeeded()) {
                    send(target, connected.result());
                } else {
                    failed(target, connected.cause(), true);
                }
            });
        } catch (RuntimeException e) {
            failed(target, e, true);
        }
    }

    private void send(int target, HttpClientRequest upstream) {
        if (answered || response.closed()) {
            upstream.reset();
            return;
        }
        upstreamRequest = upstream;
        // Failures reach the answer future below; without a handler Vert.x would also log each one as an error.
        upstream.exceptionHandler(
                e -> LOG.debugf("Upstream request of request %s failed: %s", call.requestId(), e.getMessage()));
        Future<HttpClientResponse> answer;
        if (!hasBody) {
            request.resume();
            answer = upstream.send();
        } else {
            // Without Content-Length the client request is chunked.
            answer = upstream.send(new CountingReadStream(
                    request, this::bodyBytesRead, route.state().maxBodyBytes(), this::bodyTooLarge));
        }
        answer.onComplete(result -> {
            if (result.succeeded()) {
                relay(target, result.result());
            } else {
                failed(target, result.cause(), false);
            }
        });
    }

    private void bodyBytesRead(long count) {
        bodyRead = true;
        call.addBytesIn(count);
    }

    private void relay(int target, HttpClientResponse upstreamResponse) {
        if (answered) {
            return;
        }
        answered = true;
        int status = upstreamResponse.statusCode();
        if (forwarder.health.isFailureStatus(status)) {
            forwarder.failed(route, target);
        } else {
            forwarder.succeeded(route, target);
        }
        response.setStatusCode(status);
        response.setStatusMessage(upstreamResponse.statusMessage());
        ForwardingHeaders.toClient(upstreamResponse.headers(), response.headers());
        CorsHeaders.addToAnswer(response.headers(), route.cors(), request.getHeader(CorsHeaders.ORIGIN));
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(status)) {
            response.setChunked(true);
        }
        call.answered(CallOutcome.PROXIED, status);
        new CountingReadStream(upstreamResponse, call::addBytesOut)
                .pipe()
                .endOnFailure(false)
                .to(response)
                .onComplete(piped -> {
                    if (piped.failed() && !response.ended()) {
                        LOG.debugf("Upstream response of request %s broke off: %s", call.requestId(), piped.cause());
                        if (call.outcome() == CallOutcome.PROXIED) {
                            call.answered(CallOutcome.UPSTREAM_ERROR, status);
                        }
                        response.reset();
                    }
                    forwarder.finisher.finish(call);
                });
    }

    private void failed(int target, Throwable cause, boolean connecting) {
        if (answered) {
            return;
        }
        if (response.closed()) {
            // The client went away: not the target's fault, and nobody to answer.
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
            return;
        }
        forwarder.failed(route, target);
        boolean timedOut = cause instanceof TimeoutException;
        LOG.debugf(
                "Attempt of request %s on route %s failed%s: %s",
                call.requestId(), route.routeId(), connecting ? " to connect" : "", cause);
        if (retriesLeft > 0 && !bodyRead && (connecting || timedOut)) {
            retriesLeft--;
            upstreamRequest = null;
            forwarder.retried(route);
            attempt();
            return;
        }
        answered = true;
        request.resume();
        if (response.headWritten()) {
            call.answered(CallOutcome.UPSTREAM_ERROR, call.status());
            response.reset();
            forwarder.finisher.finish(call);
            return;
        }
        answerProblem(
                CallOutcome.UPSTREAM_ERROR,
                timedOut && !connecting ? GatewayProblem.UPSTREAM_TIMEOUT : GatewayProblem.UPSTREAM_UNAVAILABLE,
                false);
    }

    /** The request body grew past the route's limit while it streamed: cut it off, whatever the target is doing. */
    private void bodyTooLarge() {
        boolean targetAnswered = answered;
        // Answered before the reset: the failed attempt it causes must not answer or count against the target.
        answered = true;
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        if (targetAnswered) {
            // The target answered before the body ended; its answer is now cut short too.
            call.answered(CallOutcome.BODY_TOO_LARGE, call.status());
            response.reset();
            if (request.connection() != null) {
                request.connection().close();
            }
            return;
        }
        answerProblem(CallOutcome.BODY_TOO_LARGE, GatewayProblem.BODY_TOO_LARGE, true);
    }

    private void answerProblem(CallOutcome outcome, GatewayProblem problem, boolean closeConnection) {
        Buffer body = forwarder.problems.body(problem, call.path());
        call.answered(outcome, problem.status());
        call.addBytesOut(body.length());
        CorsHeaders.addToAnswer(response.headers(), route.cors(), request.getHeader(CorsHeaders.ORIGIN));
        if (closeConnection) {
            // The rest of the body is still on the wire: no further request can be read from this connection.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        forwarder.problems.send(response, problem, body).onComplete(written -> {
            forwarder.finisher.finish(call);
            if (closeConnection && request.connection() != null) {
                request.connection().close();
            }
        });
    }

    private boolean mayHaveBody(int status) {
        return request.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
    }

    private static String forwardedHost(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null
                ? host
                : request.authority() == null ? null : request.authority().toString();
    }
}
