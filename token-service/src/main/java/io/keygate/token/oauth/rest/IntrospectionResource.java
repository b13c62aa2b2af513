package io.keygate.token.oauth.rest;

import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.token.ApiKeyState;
import io.keygate.token.apikey.service.ApiKeyIntrospection;
import io.keygate.token.apikey.service.UsableApiKey;
import io.keygate.token.oauth.ClientAuthentication;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.TokenRequestForm;
import io.keygate.token.oauth.service.AccessTokenRevocation;
import io.keygate.token.oauth.service.AccessTokenVerifier;
import io.keygate.token.oauth.service.OAuthClientService;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Token introspection (RFC 7662) of our JWT access tokens and API keys. The caller authenticates as an
 * OAuth2 client and learns only about credentials of its own tenant; anything else, invalid, revoked,
 * expired or unknown is {@code active: false}. API keys are recognised by their format (prefix and
 * checksum), so no {@code token_type_hint} is needed.
 */
@Path("/oauth2/introspect")
@Tag(name = "OAuth2")
public class IntrospectionResource {

    private final OAuthClientService clients;
    private final AccessTokenVerifier verifier;
    private final AccessTokenRevocation revocation;
    private final ApiKeyIntrospection apiKeys;

    IntrospectionResource(
            OAuthClientService clients,
            AccessTokenVerifier verifier,
            AccessTokenRevocation revocation,
            ApiKeyIntrospection apiKeys) {
        this.clients = clients;
        this.verifier = verifier;
        this.revocation = revocation;
        this.apiKeys = apiKeys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Introspect an access token or API key (RFC 7662)")
    public Uni<Response> introspect(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return Uni.createFrom()
                .item(() -> ClientAuthentication.from(authorization, form))
                .chain(clients::authenticate)
                .chain(caller -> {
                    String token = TokenRequestForm.single(form, "token");
                    return ApiKeyIntrospection.looksLikeApiKey(token)
                            ? apiKeys.introspect(token).map(key -> apiKeyAnswer(caller, key.orElse(null)))
                            : introspectJwt(caller, token);
                })
                .map(body -> Response.ok(body)
                        .type(MediaType.APPLICATION_JSON)
                        .header("Cache-Control", "no-store")
                        .build())
                .onFailure(TokenRequestException.class)
                .recoverWithItem(e -> TokenResource.error((TokenRequestException) e, authorization != null));
    }

    private Uni<Map<String, Object>> introspectJwt(OAuthClientState caller, String token) {
        return verifier.verify(token)
                .chain(claims -> claims.isEmpty()
                        ? Uni.createFrom().item(answer(caller, null))
                        : revocation
                                .isRevoked(claims.get())
                                .map(isRevoked -> answer(caller, isRevoked ? null : claims.get())));
    }

    private static Map<String, Object> apiKeyAnswer(OAuthClientState caller, UsableApiKey usable) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (usable == null || !caller.tenantId().equals(usable.key().tenantId())) {
            body.put("active", false);
            return body;
        }
        ApiKeyState key = usable.key();
        body.put("active", true);
        body.put("token_type", "api_key");
        body.put("scope", String.join(" ", key.scopes()));
        body.put("sub", key.keyId());
        body.put("key_id", key.keyId());
        body.put("masked_key", key.maskedKey());
        if (usable.usableUntil() != null) {
            body.put("exp", usable.usableUntil().getEpochSecond());
        }
        body.put("iat", key.createdAt().getEpochSecond());
        body.put("tenant", key.tenantId());
        if (key.applicationId() != null) {
            body.put("application", key.applicationId());
        }
        body.put("rotated_secret", usable.previousSecret());
        return body;
    }

    private static Map<String, Object> answer(OAuthClientState caller, JwtClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            if (claims == null || !caller.tenantId().equals(claims.getClaimValueAsString("tenant"))) {
                body.put("active", false);
                return body;
            }
            body.put("active", true);
            body.put("token_type", "Bearer");
            body.put("scope", claims.getClaimValueAsString("scope"));
            body.put("client_id", claims.getClaimValueAsString("client_id"));
            body.put("sub", claims.getSubject());
            body.put("aud", claims.getAudience());
            body.put("iss", claims.getIssuer());
            body.put("exp", claims.getExpirationTime().getValue());
            body.put("iat", claims.getIssuedAt().getValue());
            body.put("jti", claims.getJwtId());
            body.put("tenant", claims.getClaimValueAsString("tenant"));
            body.put("application", claims.getClaimValueAsString("application"));
            return body;
        } catch (MalformedClaimException e) {
            return Map.of("active", false);
        }
    }
}
