package io.keygate.token.oauth.rest;

import io.keygate.token.oauth.ClientAuthentication;
import io.keygate.token.oauth.ClientCredentials;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.TokenRequestForm;
import io.keygate.token.oauth.service.AccessTokenIssuer;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The OAuth2 token endpoint, client-credentials grant only (RFC 6749 §4.4). */
@Path("/oauth2/token")
@Tag(name = "OAuth2")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    private final AccessTokenIssuer issuer;

    TokenResource(AccessTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Obtain an access token (client_credentials)",
            description =
                    "Client authentication by HTTP Basic or client_id/client_secret in the body. Answers an RFC 9068 JWT.")
    public Uni<Response> token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return clientCredentials(
                authorization, form, credentials -> issue(credentials, TokenRequestForm.single(form, "scope")));
    }

    /**
     * A client-credentials token request (RFC 6749 §4.4) answered the OAuth2 way: the grant type checked, the client's
     * credentials read per §2.3.1, the token from {@code issue}; every refusal an RFC 6749 §5.2 error, nothing cached.
     */
    public static Uni<Response> clientCredentials(
            String authorization,
            MultivaluedMap<String, String> form,
            Function<ClientCredentials, Uni<TokenResponse>> issue) {
        return Uni.createFrom()
                .item(() -> {
                    TokenRequestForm.requireClientCredentialsGrant(form);
                    return ClientAuthentication.from(authorization, form);
                })
                .chain(credentials -> issue.apply(credentials))
                .map(token -> noStore(Response.ok(token)))
                .onFailure(TokenRequestException.class)
                .recoverWithItem(e -> error((TokenRequestException) e, authorization != null));
    }

    private Uni<TokenResponse> issue(ClientCredentials credentials, String scope) {
        return issuer.issue(credentials, scope).map(token -> {
            LOG.infof(
                    "Issued access token jti=%s kid=%s to client %s",
                    token.jti(), token.keyId(), credentials.clientId());
            return new TokenResponse(token.token(), "Bearer", token.lifetime(), String.join(" ", token.scopes()));
        });
    }

    static Response error(TokenRequestException e, boolean triedBasic) {
        Response.ResponseBuilder response =
                Response.status(e.status()).entity(new TokenErrorResponse(e.error(), e.getMessage()));
        if (e.status() == 401) {
            // RFC 6749 §5.2: 401 with the scheme the client may authenticate with.
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Basic realm=\"keygate\"" + (triedBasic ? ", error=\"invalid_client\"" : ""));
        }
        if (e.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return noStore(response);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
