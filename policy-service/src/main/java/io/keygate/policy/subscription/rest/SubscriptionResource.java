package io.keygate.policy.subscription.rest;

import io.keygate.access.OwnerScope;
import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.policy.application.ApplicationOwners;
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
    private final ApplicationOwners owners;
    private final CurrentAccess access;

    SubscriptionResource(
            SubscriptionService service,
            SubscriptionProjection subscriptions,
            ApplicationOwners owners,
            CurrentAccess access) {
        this.service = service;
        this.subscriptions = subscriptions;
        this.owners = owners;
        this.access = access;
    }

    @POST
    @Operation(
            summary = "Subscribe an application to an API under a plan",
            description = "201 with status APPROVED if the API needs no approval, PENDING if its owner must approve. "
                    + "422 naming apiId or planId if they cannot be subscribed to; 409 if the application already has "
                    + "a pending, approved or suspended subscription to the API. A developer subscribes only "
                    + "applications they own (422 naming applicationId otherwise).")
    public Uni<Response> subscribe(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull SubscribeRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return requireOwnApplication(access.ownerScope(), tenantId, request.applicationId())
                .chain(() -> service.request(
                        tenantId,
                        request.applicationId(),
                        request.apiId(),
                        request.planId(),
                        CorrelationIds.of(requestId)))
                .map(created -> Response.created(uri.getAbsolutePathBuilder()
                                .path(created.subscriptionId())
                                .build())
                        .entity(created)
                        .build());
    }

    @GET
    @Operation(
            summary = "List the tenant's subscriptions, newest first",
            description = "Optionally of one application, in one status. A developer sees those of the applications "
                    + "they own.")
    public Uni<List<SubscriptionState>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("applicationId") @Pattern(regexp = "app_[0-9a-f]{32}") String applicationId,
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return subscriptions.listOfTenant(
                tenantId,
                access.ownerScope(),
                applicationId,
                status == null ? null : SubscriptionStatus.valueOf(status),
                limit);
    }

    @GET
    @Path("/{subscriptionId}")
    @Operation(summary = "Read one subscription", description = "Its status and the note of the owner's last decision.")
    public Uni<SubscriptionState> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("subscriptionId") @Pattern(regexp = SubscriptionIds.FORMAT) String subscriptionId) {
        return visible(access.ownerScope(), tenantId, subscriptionId);
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
        OwnerScope scope = access.ownerScope();
        Uni<SubscriptionState> check = scope.isRestricted()
                ? visible(scope, tenantId, subscriptionId)
                : Uni.createFrom().nullItem();
        return check.chain(() -> service.cancel(tenantId, subscriptionId, CorrelationIds.of(requestId)));
    }

    /** The tenant's subscription, if the caller may see it: 404 for another tenant's, or another owner's. */
    private Uni<SubscriptionState> visible(OwnerScope scope, String tenantId, String subscriptionId) {
        return subscriptions.find(subscriptionId).chain(found -> {
            if (found == null || !found.tenantId().equals(tenantId)) {
                throw notFound(subscriptionId);
            }
            if (!scope.isRestricted()) {
                return Uni.createFrom().item(found);
            }
            return owners.find(tenantId, found.applicationId()).map(owned -> {
                if (owned == null || !scope.admits(owned.ownerId(), owned.teamId())) {
                    throw notFound(subscriptionId);
                }
                return found;
            });
        });
    }

    /**
     * For a caller limited to what they own: the application must be theirs and live, as the token-service's events
     * last said. (An application created a moment ago may not have arrived yet: the answer says to retry.)
     */
    private Uni<Void> requireOwnApplication(OwnerScope scope, String tenantId, String applicationId) {
        if (!scope.isRestricted()) {
            return Uni.createFrom().voidItem();
        }
        return owners.find(tenantId, applicationId)
                .invoke(owned -> {
                    if (owned == null || owned.deleted() || !scope.admits(owned.ownerId(), owned.teamId())) {
                        throw new SubscriptionRejectedException(new SubscriptionRejection.NotSubscribable(
                                "applicationId",
                                "must be a live application you own (one created a moment ago may take a second to be known"
                                        + " here)"));
                    }
                })
                .replaceWithVoid();
    }

    private static SubscriptionRejectedException notFound(String subscriptionId) {
        return new SubscriptionRejectedException(new SubscriptionRejection.NotFound(subscriptionId));
    }
}
