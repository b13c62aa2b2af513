package io.keygate.token.revocation.rest;

import io.keygate.problem.Problems;
import io.keygate.token.application.service.ApplicationOwnership;
import io.keygate.token.rest.TenantIds;
import io.keygate.token.revocation.GatewayEnforcement;
import io.keygate.token.revocation.GatewayWatermarks;
import io.keygate.token.revocation.PublishedRevocation;
import io.keygate.token.revocation.config.RevocationConfig;
import io.keygate.token.revocation.store.RevocationPositions;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Answers, for a revoked credential, which live gateways enforce the revocation and since when: the revocation's
 * Kafka position (recorded by the outbox relay) against the positions each gateway reports in its watermark.
 */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revocation enforcement")
public class RevocationEnforcementResource {

    /** Same shape as the API-key resource's key ids. */
    static final String KEY_ID = "key_[0-9a-f]{32}";
    /** Access-token ids as the token endpoint issues them. */
    static final String JTI = "[A-Za-z0-9_-]{1,128}";

    private final RevocationPositions positions;
    private final GatewayWatermarks watermarks;
    private final RevocationConfig config;
    private final ApplicationOwnership ownership;

    RevocationEnforcementResource(
            RevocationPositions positions,
            GatewayWatermarks watermarks,
            RevocationConfig config,
            ApplicationOwnership ownership) {
        this.positions = positions;
        this.watermarks = watermarks;
        this.config = config;
        this.ownership = ownership;
    }

    @GET
    @Path("/api-keys/{keyId}/revocation")
    @Operation(
            summary = "Where an API key's revocation stands on the gateways",
            description = "The revocation's time and Kafka position, and for each live gateway whether it enforces it"
                    + " and since when. 404 when the key is unknown or not revoked.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = RevocationEnforcementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown or not revoked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> apiKey(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("keyId") @Pattern(regexp = KEY_ID) String keyId,
            @Context UriInfo uri) {
        return ownership
                .requireKey(ownership.scope(), tenantId, keyId)
                .chain(() -> positions.ofApiKey(tenantId, keyId))
                .map(revocation -> answer(revocation, "API key " + keyId + " is not revoked", uri));
    }

    @GET
    @Path("/access-tokens/{jti}/revocation")
    @Operation(
            summary = "Where an access token's revocation stands on the gateways",
            description = "As for API keys, for a JWT access token revoked by its jti. 404 when it was not revoked.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = RevocationEnforcementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not revoked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> accessToken(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("jti") @Pattern(regexp = JTI) String jti,
            @Context UriInfo uri) {
        return positions
                .ofAccessToken(tenantId, jti)
                .map(revocation -> answer(revocation, "Access token " + jti + " is not revoked", uri));
    }

    private Response answer(PublishedRevocation revocation, String notRevoked, UriInfo uri) {
        if (revocation == null) {
            return Problems.notFound(notRevoked, uri);
        }
        List<GatewayEnforcement> gateways = revocation.isPublished()
                ? watermarks.enforcementOf(
                        revocation.position().topic(),
                        revocation.position().partition(),
                        revocation.position().offset(),
                        Instant.now(),
                        config.gatewayLiveness())
                // Not on Kafka yet: no gateway can have applied it, whatever its positions (no such topic matches).
                : watermarks.enforcementOf("", 0, Long.MAX_VALUE, Instant.now(), config.gatewayLiveness());
        return Response.ok(RevocationEnforcementView.of(revocation, gateways))
                .header("Cache-Control", "no-store")
                .build();
    }
}
