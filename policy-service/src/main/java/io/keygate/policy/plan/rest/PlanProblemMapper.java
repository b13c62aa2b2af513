package io.keygate.policy.plan.rest;

import io.keygate.policy.plan.PlanRejectedException;
import io.keygate.policy.plan.PlanRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps plan rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class PlanProblemMapper {

    @ServerExceptionMapper
    public Response rejected(PlanRejectedException e, UriInfo uri) {
        PlanRejection rejection = e.rejection();
        if (rejection instanceof PlanRejection.NotFound
                || rejection instanceof PlanRejection.ApiNotUsable unusable && !unusable.retired()) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof PlanRejection.InvalidAttribute invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
