package io.keygate.policy.tokenpolicy.rest;

import io.keygate.policy.tokenpolicy.TokenPolicyRejectedException;
import io.keygate.policy.tokenpolicy.TokenPolicyRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps token-policy rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class TokenPolicyProblemMapper {

    @ServerExceptionMapper
    public Response rejected(TokenPolicyRejectedException e, UriInfo uri) {
        TokenPolicyRejection rejection = e.rejection();
        if (rejection instanceof TokenPolicyRejection.InvalidField invalid) {
            return Problems.invalidField(invalid.status(), invalid.field(), invalid.message(), uri);
        }
        return Problems.notFound(rejection.detail(), uri);
    }
}
