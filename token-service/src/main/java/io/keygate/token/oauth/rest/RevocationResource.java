package io.keygate.token.oauth.rest;

import io.keygate.token.oauth.ClientAuthentication;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.TokenRequestForm;
import io.keygate.token.oauth.service.AccessTokenRevocation;
import io.keygate.token.oauth.service.OAuthClientService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Token revocation (RFC 7009): 200 for any token, known or not, once the caller has authenticated. */
@Path("/oauth2/revoke")
@Tag(name = "OAuth2")
public class RevocationResource {

    private final OAuthClientService clients;
    private final AccessTokenRevocation revocation;

    RevocationResource(OAuthClientService clients, AccessTokenRevocation revocation) {
        this.clients = clients;
        this.revocation = revocation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            summary = "Revoke an access token (RFC 7009)",
            description = "Its jti is published so gateways deny it until it expires.")
    public Uni<Response> revoke(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return Uni.createFrom()
                .item(() -> ClientAuthentication.from(authorization, form))
                .chain(clients::authenticate)
                .chain(caller -> {
                    String token = TokenRequestForm.single(form, "token");
                    if (token == null || token.isEmpty()) {
                        throw TokenRequestException.invalidRequest("token is required");
                    }
                    return revocation.revoke(caller, token, UUID.randomUUID().toString());
                })
                .map(done -> Response.ok().header("Cache-Control", "no-store").build())
                .onFailure(TokenRequestException.class)
                .recoverWithItem(e -> TokenResource.error((TokenRequestException) e, authorization != null));
    }
}
