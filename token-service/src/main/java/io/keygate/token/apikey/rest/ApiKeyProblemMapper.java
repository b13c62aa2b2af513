package io.keygate.token.apikey.rest;

import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.problem.Problem;
import io.keygate.problem.Problems;
import io.keygate.token.apikey.ApiKeyRejectedException;
import io.keygate.token.apikey.ApiKeyRejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps API-key rejections to problem JSON; shared failures are mapped by the problem-json module. */
public class ApiKeyProblemMapper {

    @ServerExceptionMapper
    public Response rejected(ApiKeyRejectedException e, UriInfo uri) {
        ApiKeyRejection rejection = e.rejection();
        if (rejection instanceof ApiKeyRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof ApiKeyRejection.InvalidAttribute invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof ApiKeyRejection.PolicyViolation violation) {
            return Problems.of(
                    422,
                    "token-policy-violation",
                    "Token policy violation",
                    rejection.detail(),
                    uri,
                    List.of(new Problem.FieldError(violation.field(), violation.rule() + ": " + violation.message())));
        }
        if (rejection instanceof ApiKeyRejection.ExpiryInThePast past) {
            return Problems.invalidField(422, past.field(), rejection.detail(), uri);
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
