package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.rest.IdentityViews.TenantView;
import io.keygate.token.identity.store.TenantProjection;
import io.keygate.token.identity.tenant.TenantService;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Tenants: created by a platform admin (who may is the access module's permission table). */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "The organisations every record of every service belongs to.")
public class TenantResource {

    @Inject
    CurrentAccess identity;

    private final TenantService service;
    private final TenantProjection tenants;
    private final ClientIps clientIps;

    TenantResource(TenantService service, TenantProjection tenants, ClientIps clientIps) {
        this.service = service;
        this.tenants = tenants;
        this.clientIps = clientIps;
    }

    @POST
    @Operation(summary = "Create a tenant", description = "The id is chosen: it is what every service's paths use.")
    public Uni<Response> create(
            @Valid @NotNull IdentityBodies.CreateTenant request,
            @Context HttpServerRequest http,
            @Context UriInfo uri) {
        return service.create(
                        request.id(), request.name(), CurrentCaller.userIdOrNull(identity), clientIps.origin(http))
                .map(tenant -> Response.created(uri.getAbsolutePathBuilder()
                                .path(tenant.tenantId())
                                .build())
                        .entity(TenantView.of(tenant))
                        .build());
    }

    @GET
    @Operation(summary = "List tenants by id")
    public Uni<List<TenantView>> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return tenants.list(limit).map(list -> list.stream().map(TenantView::of).toList());
    }

    @GET
    @Path("/{tenantId}")
    @Operation(summary = "Read one tenant")
    public Uni<TenantView> get(@PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId) {
        return tenants.find(tenantId).map(tenant -> {
            if (tenant == null) {
                throw new IdentityRejectedException(new IdentityRejection.NotFound("Tenant " + tenantId));
            }
            return TenantView.of(tenant);
        });
    }
}
