package io.keygate.token.application.rest;

import io.keygate.problem.Problems;
import io.keygate.token.application.ApplicationRejectedException;
import io.keygate.token.application.ApplicationRejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps application rejections to problem JSON, including a credential's reference to an application that
 * cannot own credentials (on the API-key and OAuth2-client endpoints); shared failures are mapped by the
 * problem-json module.
 */
public class ApplicationProblemMapper {

    @ServerExceptionMapper
    public Response rejected(ApplicationRejectedException e, UriInfo uri) {
        ApplicationRejection rejection = e.rejection();
        if (rejection instanceof ApplicationRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        if (rejection instanceof ApplicationRejection.InvalidAttribute invalid) {
            return Problems.invalidField(400, invalid.field(), invalid.message(), uri);
        }
        if (rejection instanceof ApplicationRejection.OwnerChangeForbidden) {
            return Problems.of(403, "forbidden", "Forbidden", rejection.detail(), uri);
        }
        if (rejection instanceof ApplicationRejection.CannotOwnCredentials) {
            // Well-formed, but naming nothing usable: the request is understood and cannot be processed.
            return Problems.invalidField(422, ApplicationRejection.CannotOwnCredentials.FIELD, rejection.detail(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
