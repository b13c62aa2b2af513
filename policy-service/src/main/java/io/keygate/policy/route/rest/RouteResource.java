package io.keygate.policy.route.rest;

import io.keygate.policy.api.ApiIds;
import io.keygate.policy.rest.CorrelationIds;
import io.keygate.policy.rest.TenantIds;
import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.policy.route.service.RouteService;
import io.keygate.policy.route.store.RouteProjection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Routes of an API: which host + path prefix + methods the gateway sends to which upstream targets. */
@Path("/tenants/{tenantId}/apis/{apiId}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routes")
public class RouteResource {

    static final String ROUTE_ID = "rt_[0-9a-f]{32}";

    private final RouteService service;
    private final RouteProjection projection;

    RouteResource(RouteService service, RouteProjection projection) {
        this.service = service;
        this.projection = projection;
    }

    @POST
    @Operation(
            summary = "Define a route of an API",
            description = "409 naming the other route if an active route (of any API, of any tenant) already serves "
                    + "the same host, prefix and one of the methods; 422 for a target the SSRF guard refuses.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @Valid @NotNull RouteRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return service.create(tenantId, apiId, request.toDefinition(), CorrelationIds.of(requestId))
                .map(route -> Response.created(uri.getAbsolutePathBuilder()
                                .path(route.routeId())
                                .build())
                        .entity(RouteView.of(route))
                        .build());
    }

    @PUT
    @Path("/{routeId}")
    @Operation(summary = "Redefine a route", description = "The definition replaces the previous one whole.")
    public Uni<RouteView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("routeId") @Pattern(regexp = ROUTE_ID) String routeId,
            @Valid @NotNull RouteRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.redefine(tenantId, apiId, routeId, request.toDefinition(), CorrelationIds.of(requestId))
                .map(RouteView::of);
    }

    @DELETE
    @Path("/{routeId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a route", description = "Gateways stop serving it; what it claimed is free again.")
    public Uni<Response> delete(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("routeId") @Pattern(regexp = ROUTE_ID) String routeId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.delete(tenantId, apiId, routeId, CorrelationIds.of(requestId))
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Operation(summary = "List an API's active routes")
    public Uni<List<RouteView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId) {
        return projection
                .list(tenantId, apiId)
                .map(routes -> routes.stream().map(RouteView::of).toList());
    }

    @GET
    @Path("/{routeId}")
    @Operation(summary = "Read one route", description = "Deleted routes stay readable, with status DELETED.")
    public Uni<RouteView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("routeId") @Pattern(regexp = ROUTE_ID) String routeId) {
        return projection.find(tenantId, apiId, routeId).map(route -> {
            if (route == null) {
                throw new RouteRejectedException(new RouteRejection.NotFound(routeId));
            }
            return RouteView.of(route);
        });
    }
}
