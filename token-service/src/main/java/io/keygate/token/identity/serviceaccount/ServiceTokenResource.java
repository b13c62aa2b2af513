package io.keygate.token.identity.serviceaccount;

import io.keygate.token.oauth.rest.TokenResource;
import io.keygate.token.oauth.rest.TokenResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Exchanges a service account's credentials for a service token, shaped like an OAuth2 token endpoint (RFC 6749 §4.4,
 * client authentication per §2.3.1), so any OAuth2 client library can obtain one.
 */
@Path("/auth/service-token")
@Tag(name = "Service accounts")
public class ServiceTokenResource {

    private static final Logger LOG = Logger.getLogger(ServiceTokenResource.class);

    private final ServiceAccountService service;

    ServiceTokenResource(ServiceAccountService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Obtain a service token (client_credentials)",
            description = "grant_type=client_credentials; the account's id and secret by HTTP Basic or as client_id "
                    + "and client_secret in the body. The token goes in Authorization: Bearer on every Keygate API.")
    public Uni<Response> token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return TokenResource.clientCredentials(
                authorization,
                form,
                credentials -> service.issueToken(credentials).map(token -> {
                    LOG.infof("Issued a service token to %s", credentials.clientId());
                    return new TokenResponse(token.token(), "Bearer", token.lifetimeSeconds(), null);
                }));
    }
}
