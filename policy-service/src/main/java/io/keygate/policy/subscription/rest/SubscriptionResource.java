package io.keygate.policy.subscription.rest;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.policy.rest.CorrelationIds;
import io.keygate.policy.rest.TenantIds;
import io.keygate.policy.subscription.SubscriptionIds;
import io.keygate.policy.subscription.SubscriptionRejectedException;
import io.keygate.policy.subscription.SubscriptionRejection;
import io.keygate.policy.subscription.service.SubscriptionService;
import io.keygate.policy.subscription.store.SubscriptionProjection;
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

/** A tenant's subscriptions, as its developers see them: request, follow the approval, cancel. */
@Path("/tenants/{tenantId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subscriptions",
        description = "An application asks to use an API under a plan; the API's owner may have to approve.")
public class SubscriptionResource {

    static final String STATUSES = "PENDING|APPROVED|REJECTED|SUSPENDED|CANCELLED";

    private final SubscriptionService service;
    private final SubscriptionProjection subscriptions;

    SubscriptionResource(SubscriptionService service, SubscriptionProjection subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    @POST
    @Operation(
            summary = "Subscribe an application to an API under a plan",
            description = "201 with status APPROVED if the API needs no approval, PENDING if its owner must approve. "
                    + "422 naming apiId or planId if they cannot be subscribed to; 409 if the application already has "
                    + "a pending, approved or suspended subscription to the API.")
    public Uni<Response> subscribe(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull SubscribeRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return service.request(
                        tenantId,
                        request.applicationId(),
                        request.apiId(),
                        request.planId(),
                        CorrelationIds.of(requestId))
                .map(created -> Response.created(uri.getAbsolutePathBuilder()
                                .path(created.subscriptionId())
                                .build())
                        .entity(created)
                        .build());
    }

    @GET
    @Operation(
            summary = "List the tenant's subscriptions, newest first",
            description = "Optionally of one application, in one status.")
    public Uni<List<SubscriptionState>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("applicationId") @Pattern(regexp = "app_[0-9a-f]{32}") String applicationId,
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return subscriptions.listOfTenant(
                tenantId, applicationId, status == null ? null : SubscriptionStatus.valueOf(status), limit);
    }

    @GET
    @Path("/{subscriptionId}")
    @Operation(summary = "Read one subscription", description = "Its status and the note of the owner's last decision.")
    public Uni<SubscriptionState> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId) {
        return subscriptions.find(subscriptionId).map(found -> {
            if (found == null || !found.tenantId().equals(tenantId)) {
                throw new SubscriptionRejectedException(new SubscriptionRejection.NotFound(subscriptionId));
            }
            return found;
        });
    }

    @POST
    @Path("/{subscriptionId}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Cancel a subscription",
            description = "Final: the application's credentials can no longer call the API. Idempotent.")
    public Uni<SubscriptionState> cancel(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.cancel(tenantId, subscriptionId, CorrelationIds.of(requestId));
    }
}
