package io.keygate.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.gateway.problem.GatewayProblem;
import io.keygate.gateway.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes the proxy's own answers as RFC 9457 problem JSON. */
final class ProblemResponder {

    private static final String BEARER_CHALLENGE = "Bearer realm=\"keygate\"";

    private final ObjectMapper json;

    ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Ends {@code response} with the problem.
     *
     * @return the body size, for the call record, and (through {@code sent}) when it was written
     */
    int send(HttpServerResponse response, GatewayProblem problem, String path, String requestId, Sent sent) {
        Buffer body = render(problem.toProblem(path, requestId));
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 401) {
            response.putHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        if (problem.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        sent.after(response.end(body));
        return body.length();
    }

    private Buffer render(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record is always serialisable", e);
        }
    }

    /** What to do once the problem was written (or failed to be). */
    @FunctionalInterface
    interface Sent {
        void after(Future<Void> written);
    }
}
