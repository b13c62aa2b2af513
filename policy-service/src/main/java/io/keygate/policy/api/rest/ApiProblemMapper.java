package io.keygate.policy.api.rest;

import io.keygate.policy.api.ApiRejectedException;
import io.keygate.policy.api.ApiRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps API rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response rejected(ApiRejectedException e, UriInfo uri) {
        ApiRejection rejection = e.rejection();
        if (rejection instanceof ApiRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof ApiRejection.InvalidAttribute invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof ApiRejection.InvalidDocument invalid) {
            // Well-formed HTTP, but not a document the portal can serve.
            return Problems.invalidField(422, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof ApiRejection.DocumentTooLarge) {
            return Problems.invalidField(413, "body", rejection.detail(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
