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
        if (rejection instanceof RouteRejection.ApiNotUsable api && !api.retired()) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof RouteRejection.InvalidField invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof RouteRejection.UnsafeTarget unsafe) {
            // Well-formed, but a target routes may not send traffic to.
            return Problems.invalidField(422, unsafe.field(), unsafe.message(), uri);
        }
        if (rejection instanceof RouteRejection.Conflict) {
            return Problems.of(409, "route-conflict", "Route conflict", rejection.detail(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(ConcurrencyConflictException e, UriInfo uri) {
        return Problems.of(
                409,
                "concurrent-modification",
                "Concurrent modification",
                "The resource was changed by another request; read it again and retry",
                uri);
    }
}
