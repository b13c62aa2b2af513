package io.keygate.policy.route.rest;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps route rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class RouteProblemMapper {

    @ServerExceptionMapper
    public Response rejected(RouteRejectedException e, UriInfo uri) {
        RouteRejection rejection = e.rejection();
        if (rejection instanceof RouteRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof RouteRejection.InvalidField invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(ConcurrencyConflictException e, UriInfo uri) {
        return Problems.of(
                409,
                "concurrent-modification",
                "Concurrent modification",
                "The route was changed by another request; read it again and retry",
                uri);
    }
}
