package io.keygate.token.identity.rest;

import io.keygate.problem.Problem;
import io.keygate.problem.Problems;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps identity rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class IdentityProblemMapper {

    @ServerExceptionMapper
    public Response rejected(IdentityRejectedException e, UriInfo uri) {
        IdentityRejection rejection = e.rejection();
        if (rejection instanceof IdentityRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof IdentityRejection.InvalidField invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof IdentityRejection.AuthenticationFailed failed) {
            // One body for every reason (unknown account, wrong password or code, inactive user, lock).
            Response response =
                    Problems.of(401, "authentication-failed", "Authentication failed", rejection.detail(), uri);
            return failed.retryAfter() == null
                    ? response
                    : Response.fromResponse(response)
                            .header("Retry-After", failed.retryAfter().toSeconds())
                            .build();
        }
        if (rejection instanceof IdentityRejection.InvalidToken invalid) {
            return Problems.of(
                    401,
                    "invalid-token",
                    "Invalid token",
                    rejection.detail(),
                    uri,
                    List.of(new Problem.FieldError(invalid.field(), "unknown, expired or already used")));
        }
        if (rejection instanceof IdentityRejection.NotAuthenticated) {
            return Problems.of(401, "inactive-account", "Account not active", rejection.detail(), uri);
        }
        if (rejection instanceof IdentityRejection.Unavailable) {
            return Response.fromResponse(
                            Problems.of(503, "unavailable", "Service unavailable", rejection.detail(), uri))
                    .header("Retry-After", 1)
                    .build();
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
