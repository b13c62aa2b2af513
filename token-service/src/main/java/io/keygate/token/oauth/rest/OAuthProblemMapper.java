package io.keygate.token.oauth.rest;

import io.keygate.problem.Problems;
import io.keygate.token.oauth.OAuthClientRejectedException;
import io.keygate.token.oauth.OAuthClientRejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps OAuth2-client rejections to problem JSON. (Token-endpoint errors are RFC 6749 §5.2 JSON, answered by
 * the token resource itself; shared failures are mapped by the problem-json module.)
 */
public class OAuthProblemMapper {

    @ServerExceptionMapper
    public Response rejected(OAuthClientRejectedException e, UriInfo uri) {
        OAuthClientRejection rejection = e.rejection();
        if (rejection instanceof OAuthClientRejection.NotFound) {
            return Problems.notFound(rejection.detail(), uri);
        }
        return Problems.conflict(rejection.detail(), uri);
    }
}
