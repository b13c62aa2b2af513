package io.keygate.token.oauth.rest;

import io.keygate.token.oauth.SigningKeyMaterial;
import io.keygate.token.oauth.config.OAuthConfig;
import io.keygate.token.oauth.service.SigningKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Discovery: the JWKS and the RFC 8414 metadata. Public, cacheable briefly. */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth2")
public class WellKnownResource {

    private final SigningKeyService signingKeys;
    private final OAuthConfig config;

    WellKnownResource(SigningKeyService signingKeys, OAuthConfig config) {
        this.signingKeys = signingKeys;
        this.config = config;
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "Public keys of every signing key whose tokens may still be valid")
    public Uni<Response> jwks() {
        // Short cache: a new key is in the set before it signs, but a verifier should see it soon.
        return signingKeys
                .keySet()
                .map(keys -> Response.ok(new JwkSet(keys))
                        .header("Cache-Control", "max-age=60")
                        .build());
    }

    @GET
    @Path("/oauth-authorization-server")
    @Operation(summary = "Authorization-server metadata (RFC 8414)")
    public AuthorizationServerMetadata metadata() {
        String issuer = config.issuer().replaceAll("/+$", "");
        return new AuthorizationServerMetadata(
                issuer,
                issuer + "/oauth2/token",
                issuer + "/.well-known/jwks.json",
                List.of("client_credentials"),
                List.of(),
                List.of("client_secret_basic", "client_secret_post"),
                List.of(SigningKeyMaterial.ALGORITHM),
                issuer + "/oauth2/introspect",
                List.of("client_secret_basic", "client_secret_post"),
                issuer + "/oauth2/revoke",
                List.of("client_secret_basic", "client_secret_post"));
    }
}
