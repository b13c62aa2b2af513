package io.keygate.token.application.rest;

import io.keygate.access.OwnerScope;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.token.application.ApplicationIds;
import io.keygate.token.application.ApplicationRejectedException;
import io.keygate.token.application.ApplicationRejection;
import io.keygate.token.application.service.ApplicationOwnership;
import io.keygate.token.application.service.ApplicationService;
import io.keygate.token.application.store.ApplicationProjection;
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
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applications of a tenant: the owners of its API keys and OAuth2 clients. */
@Path("/tenants/{tenantId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Group a consumer's credentials; deleting an application revokes them all.")
public class ApplicationResource {

    private final ApplicationService service;
    private final ApplicationProjection projection;
    private final ApplicationOwnership ownership;

    ApplicationResource(ApplicationService service, ApplicationProjection projection, ApplicationOwnership ownership) {
        this.service = service;
        this.projection = projection;
        this.ownership = ownership;
    }

    @POST
    @Operation(
            summary = "Create an application",
            description = "API keys and OAuth2 clients can then name it in their applicationId. The owner is ownerId, "
                    + "by default the caller; a developer always owns what they create.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull CreateApplicationRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        OwnerScope scope = ownership.scope();
        return ownership
                .forCreation(scope, tenantId, request.toAttributes())
                .chain(attributes -> service.create(tenantId, attributes, CorrelationIds.of(requestId)))
                .map(created -> Response.created(uri.getAbsolutePathBuilder()
                                .path(created.applicationId())
                                .build())
                        .entity(ApplicationView.of(created))
                        .build());
    }

    @GET
    @Operation(
            summary = "List a tenant's applications, newest first",
            description = "Active ones by default; status=DELETED lists the deleted ones instead. A developer sees the "
                    + "ones they own.")
    public Uni<List<ApplicationView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("status") @DefaultValue("ACTIVE") @Pattern(regexp = "ACTIVE|DELETED") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return projection
                .list(tenantId, ownership.scope(), ApplicationStatus.valueOf(status), limit)
                .map(applications ->
                        applications.stream().map(ApplicationView::of).toList());
    }

    @GET
    @Path("/{applicationId}")
    @Operation(
            summary = "Read one application",
            description = "Deleted applications stay readable, with status DELETED.")
    public Uni<ApplicationView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("applicationId") @Pattern(regexp = ApplicationIds.FORMAT) String applicationId) {
        OwnerScope scope = ownership.scope();
        return projection.find(tenantId, applicationId).map(application -> {
            if (application == null || !ApplicationOwnership.admits(scope, application)) {
                throw new ApplicationRejectedException(new ApplicationRejection.NotFound(applicationId));
            }
            return ApplicationView.of(application);
        });
    }

    @PATCH
    @Path("/{applicationId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(
            summary = "Update an application's attributes",
            description = "Merge-patch: fields left out keep their value, fields sent as null are cleared (not name). "
                    + "A deleted application cannot be updated (409).")
    public Uni<ApplicationView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("applicationId") @Pattern(regexp = ApplicationIds.FORMAT) String applicationId,
            @Valid @NotNull UpdateApplicationRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        OwnerScope scope = ownership.scope();
        Uni<Void> ownerChange = request.changesOwner()
                ? ownership.checkOwnerChange(scope, tenantId, applicationId, request.toPatch())
                : Uni.createFrom().voidItem();
        return ownership
                .requireApplication(scope, tenantId, applicationId)
                .chain(() -> ownerChange)
                .chain(() -> service.update(tenantId, applicationId, request.toPatch(), CorrelationIds.of(requestId)))
                .map(ApplicationView::of);
    }

    @DELETE
    @Path("/{applicationId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Delete an application and revoke its credentials",
            description = "Answers 204 once every active API key and OAuth2 client of the application is revoked; no "
                    + "credential can be issued for it any more. Idempotent: deleting again answers 204 and revokes "
                    + "whatever an interrupted deletion left.")
    public Uni<Response> delete(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("applicationId") @Pattern(regexp = ApplicationIds.FORMAT) String applicationId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return ownership
                .requireApplication(ownership.scope(), tenantId, applicationId)
                .chain(() -> service.delete(tenantId, applicationId, CorrelationIds.of(requestId)))
                .replaceWith(Response.noContent().build());
    }
}
