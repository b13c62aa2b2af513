package io.keygate.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.gateway.problem.GatewayProblem;
import io.keygate.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes the proxy's own answers as RFC 9457 problem JSON (the shared {@link Problem} document; the
 * request id travels in the {@code X-Request-Id} response header).
 */
final class ProblemResponder {

    private static final String BEARER_CHALLENGE = "Bearer realm=\"keygate\"";

    private final ObjectMapper json;

    ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    /** The body of {@code problem} for one request. */
    Buffer body(GatewayProblem problem, String path) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem.toProblem(path)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record is always serialisable", e);
        }
    }

    /** Ends {@code response} with the problem and its rendered {@code body}; completes once written. */
    Future<Void> send(HttpServerResponse response, GatewayProblem problem, Buffer body) {
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        if (problem.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.end(body);
    }
}
