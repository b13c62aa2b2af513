package io.keygate.policy.subscription.rest;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.policy.api.ApiIds;
import io.keygate.policy.rest.CorrelationIds;
import io.keygate.policy.rest.TenantIds;
import io.keygate.policy.subscription.SubscriptionCommand.Decision;
import io.keygate.policy.subscription.SubscriptionIds;
import io.keygate.policy.subscription.service.SubscriptionService;
import io.keygate.policy.subscription.store.SubscriptionProjection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions to a tenant's API, as its owner sees them: the approval queue and the decisions. */
@Path("/tenants/{tenantId}/apis/{apiId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Subscriptions")
public class ApiSubscriptionResource {

    private final SubscriptionService service;
    private final SubscriptionProjection subscriptions;

    ApiSubscriptionResource(SubscriptionService service, SubscriptionProjection subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    @GET
    @Operation(
            summary = "List the subscriptions to the API, newest first",
            description = "status=PENDING is the approval queue.")
    public Uni<List<SubscriptionState>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @QueryParam("status") @Pattern(regexp = SubscriptionResource.STATUSES) String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return subscriptions.listOfApi(
                tenantId, apiId, status == null ? null : SubscriptionStatus.valueOf(status), limit);
    }

    @POST
    @Path("/{subscriptionId}/approve")
    @Operation(
            summary = "Approve a pending subscription",
            description = "The application's credentials may then call the API. Idempotent.")
    public Uni<SubscriptionState> approve(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId,
            @Valid DecisionRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return decide(tenantId, apiId, subscriptionId, Decision.APPROVE, request, requestId);
    }

    @POST
    @Path("/{subscriptionId}/reject")
    @Operation(summary = "Reject a pending subscription", description = "Final. The note (the reason) is required.")
    public Uni<SubscriptionState> reject(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId,
            @Valid DecisionRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return decide(tenantId, apiId, subscriptionId, Decision.REJECT, request, requestId);
    }

    @POST
    @Path("/{subscriptionId}/suspend")
    @Operation(
            summary = "Suspend an approved subscription",
            description = "Calls are refused until it is resumed. The note (the reason) is required.")
    public Uni<SubscriptionState> suspend(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId,
            @Valid DecisionRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return decide(tenantId, apiId, subscriptionId, Decision.SUSPEND, request, requestId);
    }

    @POST
    @Path("/{subscriptionId}/resume")
    @Operation(summary = "Resume a suspended subscription")
    public Uni<SubscriptionState> resume(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId,
            @Valid DecisionRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return decide(tenantId, apiId, subscriptionId, Decision.RESUME, request, requestId);
    }

    private Uni<SubscriptionState> decide(
            String tenantId,
            String apiId,
            String subscriptionId,
            Decision decision,
            DecisionRequest request,
            String requestId) {
        return service.decide(
                tenantId,
                apiId,
                subscriptionId,
                decision,
                request == null ? null : request.note(),
                CorrelationIds.of(requestId));
    }
}
