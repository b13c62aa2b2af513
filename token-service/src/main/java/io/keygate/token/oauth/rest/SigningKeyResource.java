package io.keygate.token.oauth.rest;

import io.keygate.token.oauth.service.SigningKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator commands on the token-signing keys. */
@Path("/oauth2/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth2")
public class SigningKeyResource {

    private final SigningKeyService service;

    SigningKeyResource(SigningKeyService service) {
        this.service = service;
    }

    @POST
    @Path("/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Rotate the signing key",
            description =
                    "Publishes a new key, and once Kafka has it, signs with it. The old key stays in the JWKS until its tokens expire.")
    public Uni<RotatedKey> rotate(@HeaderParam("X-Request-Id") String requestId) {
        String correlation = requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                ? requestId
                : UUID.randomUUID().toString();
        return service.rotate(correlation).map(RotatedKey::new);
    }
}
