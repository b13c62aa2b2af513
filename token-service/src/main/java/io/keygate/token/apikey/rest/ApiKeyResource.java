package io.keygate.token.apikey.rest;

import io.keygate.access.OwnerScope;
import io.keygate.token.apikey.service.ApiKeyService;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.application.service.ApplicationOwnership;
import io.keygate.token.rest.CorrelationIds;
import io.keygate.token.rest.MergePatch;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys of a tenant. */
@Path("/tenants/{tenantId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

    static final String KEY_ID = "key_[0-9a-f]{32}";
    static final String SCOPE = "[A-Za-z0-9:._*/-]+";

    private final ApiKeyService service;
    private final ApiKeyProjection projection;
    private final ApplicationOwnership ownership;

    ApiKeyResource(ApiKeyService service, ApiKeyProjection projection, ApplicationOwnership ownership) {
        this.service = service;
        this.projection = projection;
        this.ownership = ownership;
    }

    @POST
    @Operation(
            summary = "Issue an API key",
            description = "The response is the only place the secret key ever appears.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull CreateApiKeyRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return ownership
                .requireCredentialOwner(ownership.scope(), tenantId, request.applicationId())
                .chain(() -> service.issue(tenantId, request.toAttributes(), CorrelationIds.of(requestId)))
                .map(issued -> Response.created(uri.getAbsolutePathBuilder()
                                .path(issued.state().keyId())
                                .build())
                        .header("Cache-Control", "no-store")
                        .entity(CreatedApiKey.of(issued))
                        .build());
    }

    @GET
    @Operation(
            summary = "List a tenant's API keys, masked, newest first",
            description = "A developer sees the keys of the applications they own.")
    public Uni<List<ApiKeyView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return projection
                .list(tenantId, ownership.scope(), limit)
                .map(keys -> keys.stream().map(ApiKeyView::of).toList());
    }

    @GET
    @Path("/{keyId}")
    @Operation(summary = "Read one API key, masked")
    public Uni<ApiKeyView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("keyId") @Pattern(regexp = KEY_ID) String keyId) {
        return ownership.findKey(ownership.scope(), tenantId, keyId).map(ApiKeyView::of);
    }

    @PATCH
    @Path("/{keyId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(
            summary = "Update an API key's attributes",
            description = "Merge-patch: fields left out keep their value, fields sent as null are cleared. The secret "
                    + "cannot be changed here (rotate it). Revoked and expired keys cannot be updated (409).")
    public Uni<ApiKeyView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("keyId") @Pattern(regexp = KEY_ID) String keyId,
            @Valid @NotNull UpdateApiKeyRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        OwnerScope scope = ownership.scope();
        return ownership
                .requireKey(scope, tenantId, keyId)
                .chain(() -> request.changesApplication()
                        ? ownership.requireCredentialOwner(scope, tenantId, request.applicationId())
                        : Uni.createFrom().voidItem())
                .chain(() -> service.update(tenantId, keyId, request.toPatch(), CorrelationIds.of(requestId)))
                .map(ApiKeyView::of);
    }

    @POST
    @Path("/{keyId}/rotate")
    @Operation(
            summary = "Rotate an API key's secret",
            description =
                    "The response is the only place the new secret "
                            + "appears. The old secret stays valid for gracePeriod (ISO-8601 duration, PT0S..P30D, default PT24H).")
    public Uni<Response> rotate(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("keyId") @Pattern(regexp = KEY_ID) String keyId,
            @Valid RotateApiKeyRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        Duration grace = (request == null ? new RotateApiKeyRequest(null) : request).gracePeriodOrDefault();
        return ownership
                .requireKey(ownership.scope(), tenantId, keyId)
                .chain(() -> service.rotate(tenantId, keyId, grace, CorrelationIds.of(requestId)))
                .map(rotated -> Response.ok(CreatedApiKey.of(rotated))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @POST
    @Path("/{keyId}/revoke")
    @Operation(summary = "Revoke an API key", description = "Idempotent: revoking a revoked key returns it unchanged.")
    public Uni<ApiKeyView> revoke(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("keyId") @Pattern(regexp = KEY_ID) String keyId,
            @Valid RevokeApiKeyRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        String reason = request == null ? null : request.reason();
        return ownership
                .requireKey(ownership.scope(), tenantId, keyId)
                .chain(() -> service.revoke(tenantId, keyId, reason, CorrelationIds.of(requestId)))
                .map(ApiKeyView::of);
    }
}
