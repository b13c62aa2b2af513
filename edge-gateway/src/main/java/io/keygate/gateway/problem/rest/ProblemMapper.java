package io.keygate.gateway.problem.rest;

import io.keygate.gateway.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the admin REST API into RFC 9457 problem JSON. (The proxy port writes its own
 * problems, see {@link io.keygate.gateway.problem.GatewayProblem}.)
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        return problem(new Problem(Problem.TYPE_BASE + slug, title, status, null, uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return problem(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "An unexpected error occurred; quote error id " + errorId + " when reporting it.", uri.getPath(), null));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
