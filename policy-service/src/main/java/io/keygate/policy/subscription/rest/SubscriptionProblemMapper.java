package io.keygate.policy.subscription.rest;

import io.keygate.policy.subscription.SubscriptionRejectedException;
import io.keygate.policy.subscription.SubscriptionRejection;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps subscription rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class SubscriptionProblemMapper {

    @ServerExceptionMapper
    public Response rejected(SubscriptionRejectedException e, UriInfo uri) {
        SubscriptionRejection rejection = e.rejection();
        if (rejection instanceof SubscriptionRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof SubscriptionRejection.NotSubscribable refusal) {
            // Well-formed, but naming nothing one can subscribe to.
            return Problems.invalidField(422, refusal.field(), refusal.detail(), uri);
        }
        if (rejection instanceof SubscriptionRejection.InvalidNote) {
            return Problems.invalidField(400, "note", rejection.detail(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
