package io.keygate.policy.plan.rest;

import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.policy.api.ApiIds;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.plan.PlanIds;
import io.keygate.policy.plan.PlanRejectedException;
import io.keygate.policy.plan.PlanRejection;
import io.keygate.policy.plan.service.PlanService;
import io.keygate.policy.plan.store.PlanProjection;
import io.keygate.policy.rest.CorrelationIds;
import io.keygate.policy.rest.TenantIds;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Plans of a tenant's API: the rate limit and quota a subscription chooses. */
@Path("/tenants/{tenantId}/apis/{apiId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Rate limits and quotas offered on an API; each subscription chooses one.")
public class PlanResource {

    private final PlanService service;
    private final PlanProjection plans;
    private final ApiProjection apis;

    PlanResource(PlanService service, PlanProjection plans, ApiProjection apis) {
        this.service = service;
        this.plans = plans;
        this.apis = apis;
    }

    @POST
    @Operation(
            summary = "Offer a plan on an API",
            description = "404 if the tenant has no such API, 409 if it is retired.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @Valid @NotNull PlanRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return service.create(tenantId, apiId, request.toAttributes(), CorrelationIds.of(requestId))
                .map(created -> Response.created(uri.getAbsolutePathBuilder()
                                .path(created.planId())
                                .build())
                        .entity(created)
                        .build());
    }

    @GET
    @Operation(
            summary = "List an API's plans, oldest first",
            description = "Active ones by default; status=RETIRED lists the retired ones.")
    public Uni<List<PlanState>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @QueryParam("status") @DefaultValue("ACTIVE") @Pattern(regexp = "ACTIVE|RETIRED") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return apis.find(tenantId, apiId).chain(api -> {
            if (api == null) {
                throw new PlanRejectedException(new PlanRejection.ApiNotUsable(apiId, false));
            }
            return plans.list(apiId, PlanStatus.valueOf(status), limit);
        });
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "Read one plan")
    public Uni<PlanState> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("planId") @Pattern(regexp = PlanIds.FORMAT) String planId) {
        return plans.find(apiId, planId).map(plan -> {
            if (plan == null || !plan.tenantId().equals(tenantId)) {
                throw new PlanRejectedException(new PlanRejection.NotFound(planId));
            }
            return plan;
        });
    }

    @PUT
    @Path("/{planId}")
    @Operation(
            summary = "Replace a plan's attributes",
            description = "Subscriptions on the plan get the new limits. A retired plan cannot change (409).")
    public Uni<PlanState> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("planId") @Pattern(regexp = PlanIds.FORMAT) String planId,
            @Valid @NotNull PlanRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.update(tenantId, apiId, planId, request.toAttributes(), CorrelationIds.of(requestId));
    }

    @DELETE
    @Path("/{planId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Retire a plan",
            description = "No new subscription may choose it; existing ones keep it. Idempotent.")
    public Uni<PlanState> retire(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("planId") @Pattern(regexp = PlanIds.FORMAT) String planId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.retire(tenantId, apiId, planId, CorrelationIds.of(requestId));
    }
}
