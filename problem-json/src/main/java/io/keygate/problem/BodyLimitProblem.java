package io.keygate.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body ({@code Content-Length}) is over {@code quarkus.http.limits.max-body-size}
 * with 413 problem JSON, in front of Quarkus's own check of the same limit, which answers with an empty 413: a client
 * sending too much learns what the limit is, as for every other bad input. The body is not read: an HTTP/1.x
 * connection is closed once the answer is sent (its framing would need the whole body read and dropped), an HTTP/2
 * stream ends with the answer.
 */
@ApplicationScoped
public class BodyLimitProblem {

    /** Quarkus enforces the limit in a route of order -2; this one runs just before it. */
    private static final int BEFORE_QUARKUS_BODY_LIMIT = -3;

    private final Optional<MemorySize> maxBodySize;

    BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void register(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route()
                .order(BEFORE_QUARKUS_BODY_LIMIT)
                .handler(context -> refuseOver(limit.asLongValue(), context)));
    }

    private static void refuseOver(long limit, RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !isOver(declared, limit)) {
            context.next();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", Problems.TYPE_BASE + "body-too-large")
                .put("title", "Content Too Large")
                .put("status", 413)
                .put("detail", "The request body is over the " + limit + " bytes this service accepts.")
                .put("instance", context.request().path());
        HttpServerRequest request = context.request();
        HttpServerResponse response =
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (request.version() != HttpVersion.HTTP_2) {
            // Connection is an HTTP/1.x header (HTTP/2 forbids it).
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(sent -> request.connection().close());
        }
        response.end(problem.toBuffer());
    }

    /** Whether a Content-Length value declares more than {@code limit} bytes (a malformed one is left to Vert.x). */
    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
