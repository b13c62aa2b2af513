package io.keygate.policy.iprule.rest;

import io.keygate.policy.iprule.IpRuleRejectedException;
import io.keygate.policy.iprule.IpRuleRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps IP-rule rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class IpRuleProblemMapper {

    @ServerExceptionMapper
    public Response rejected(IpRuleRejectedException e, UriInfo uri) {
        IpRuleRejection rejection = e.rejection();
        if (rejection instanceof IpRuleRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof IpRuleRejection.InvalidField invalid) {
            return Problems.invalidField(invalid.status(), invalid.field(), invalid.message(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
