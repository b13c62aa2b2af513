package io.keygate.gateway.proxy;

import io.keygate.events.call.CallOutcome;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.problem.GatewayProblem;
import io.keygate.gateway.state.Upstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
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
 * Sends an accepted request to its route's upstream over a pooled keep-alive client and streams the
 * answer back, bodies in both directions streamed with back-pressure and counted. An upstream that
 * cannot be reached gets a 502 problem (504 when it does not answer in time); one that fails after
 * its headers were relayed gets the client connection reset, never a truncated body that looks whole.
 */
final class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    private final HttpClient client;
    private final ProblemResponder problems;
    private final CallFinisher finisher;
    private final long connectTimeoutMillis;
    private final long idleTimeoutMillis;

    UpstreamForwarder(
            HttpClient client,
            ProblemResponder problems,
            CallFinisher finisher,
            long connectTimeoutMillis,
            long idleTimeoutMillis) {
        this.client = client;
        this.problems = problems;
        this.finisher = finisher;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    void forward(HttpServerRequest request, CallContext call) {
        // Body chunks that arrive while the upstream connection is being obtained must wait, not be lost.
        request.pause();
        try {
            send(request, call);
        } catch (RuntimeException e) {
            failed(request, call, e);
        }
    }

    private void send(HttpServerRequest request, CallContext call) {
        Upstream upstream = call.route().upstream();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.requestUri(call.path(), request.query()))
                .setHeaders(
                        ForwardingHeaders.toUpstream(request.headers(), call, request.scheme(), forwardedHost(request)))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(idleTimeoutMillis);
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            request.response().writeContinue();
        }
        client.request(options)
                .compose(upstreamRequest -> sendBody(request, upstreamRequest, call))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        relay(request, result.result(), call);
                    } else {
                        failed(request, call, result.cause());
                    }
                });
    }

    private static Future<HttpClientResponse> sendBody(
            HttpServerRequest request, HttpClientRequest upstreamRequest, CallContext call) {
        if (!hasBody(request)) {
            request.resume();
            return upstreamRequest.send();
        }
        // Without Content-Length the client request is chunked.
        return upstreamRequest.send(new CountingReadStream(request, call::addBytesIn));
    }

    private void relay(HttpServerRequest request, HttpClientResponse upstreamResponse, CallContext call) {
        HttpServerResponse response = request.response();
        int status = upstreamResponse.statusCode();
        response.setStatusCode(status);
        response.setStatusMessage(upstreamResponse.statusMessage());
        ForwardingHeaders.toClient(upstreamResponse.headers(), response.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(request, status)) {
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
                        call.answered(CallOutcome.UPSTREAM_ERROR, status);
                        response.reset();
                    }
                    finisher.finish(call);
                });
    }

    private void failed(HttpServerRequest request, CallContext call, Throwable cause) {
        LOG.debugf(
                "Upstream of route %s failed for request %s: %s", call.route().routeId(), call.requestId(), cause);
        request.resume();
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            call.answered(CallOutcome.UPSTREAM_ERROR, call.status());
            response.reset();
            finisher.finish(call);
            return;
        }
        GatewayProblem problem = cause instanceof TimeoutException
                ? GatewayProblem.UPSTREAM_TIMEOUT
                : GatewayProblem.UPSTREAM_UNAVAILABLE;
        Buffer body = problems.body(problem, call.path());
        call.answered(CallOutcome.UPSTREAM_ERROR, problem.status());
        call.addBytesOut(body.length());
        problems.send(response, problem, body).onComplete(written -> finisher.finish(call));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
    }

    private static boolean mayHaveBody(HttpServerRequest request, int status) {
        return request.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private static String forwardedHost(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null
                ? host
                : request.authority() == null ? null : request.authority().toString();
    }
}
