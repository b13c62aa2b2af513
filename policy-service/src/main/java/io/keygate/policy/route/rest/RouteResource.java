package io.keygate.policy.route.rest;

import io.keygate.policy.route.RouteRejectedException;
import io.keygate.policy.route.RouteRejection;
import io.keygate.policy.route.service.RouteService;
import io.keygate.policy.route.store.RouteProjection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Routes of a tenant: which path prefix the gateway sends to which upstream. */
@Path("/tenants/{tenantId}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routes")
public class RouteResource {

    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{0,62}";
    static final String ROUTE_ID = "rt_[0-9a-f]{32}";

    private final RouteService service;
    private final RouteProjection projection;

    RouteResource(RouteService service, RouteProjection projection) {
        this.service = service;
        this.projection = projection;
    }

    @POST
    @Operation(summary = "Define a route", description = "409 if another route already serves the path prefix.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
            @Valid @NotNull RouteRequest request,
            @HeaderParam("X-Request-Id") String requestId,
            @Context UriInfo uri) {
        return service.define(
                        tenantId,
                        service.newRouteId(),
                        request.name(),
                        request.pathPrefix(),
                        request.upstreamUrl(),
                        false,
                        correlation(requestId))
                .map(route -> Response.created(uri.getAbsolutePathBuilder()
                                .path(route.routeId())
                                .build())
                        .entity(RouteView.of(route))
                        .build());
    }

    @PUT
    @Path("/{routeId}")
    @Operation(summary = "Redefine a route")
    public Uni<RouteView> update(
            @PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
            @PathParam("routeId") @Pattern(regexp = ROUTE_ID) String routeId,
            @Valid @NotNull RouteRequest request,
            @HeaderParam("X-Request-Id") String requestId) {
        return service.define(
                        tenantId,
                        routeId,
                        request.name(),
                        request.pathPrefix(),
                        request.upstreamUrl(),
                        true,
                        correlation(requestId))
                .map(RouteView::of);
    }

    @GET
    @Operation(summary = "List a tenant's routes")
    public Uni<List<RouteView>> list(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return projection
                .list(tenantId)
                .map(routes -> routes.stream().map(RouteView::of).toList());
    }

    @GET
    @Path("/{routeId}")
    @Operation(summary = "Read one route")
    public Uni<RouteView> get(
            @PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
            @PathParam("routeId") @Pattern(regexp = ROUTE_ID) String routeId) {
        return projection.find(tenantId, routeId).map(route -> {
            if (route == null) {
                throw new RouteRejectedException(new RouteRejection.NotFound(routeId));
            }
            return RouteView.of(route);
        });
    }

    private static String correlation(String requestId) {
        return requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                ? requestId
                : UUID.randomUUID().toString();
    }
}
