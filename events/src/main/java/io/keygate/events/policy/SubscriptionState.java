package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of a subscription (an application × an API × a plan), carried by every subscription event.
 *
 * @param subscriptionId stable id, {@code sub_} + 32 lowercase hex digits
 * @param tenantId       the subscribing application's tenant
 * @param applicationId  the application whose credentials may call the API once approved
 * @param apiId          the API
 * @param apiTenantId    the API's owner tenant, whose admins approve, reject, suspend and resume
 * @param planId         the plan whose limits apply
 * @param status         lifecycle state
 * @param note           the note of the last decision (approval, rejection, suspension), or null
 * @param createdAt      when it was requested
 * @param updatedAt      time of the last change
 * @param decidedAt      time of the last approval or rejection, or null
 */
public record SubscriptionState(
        String subscriptionId,
        String tenantId,
        String applicationId,
        String apiId,
        String apiTenantId,
        String planId,
        SubscriptionStatus status,
        String note,
        Instant createdAt,
        Instant updatedAt,
        Instant decidedAt) {

    public SubscriptionState {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(apiTenantId, "apiTenantId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This state in another status, with the decision's note, at {@code at}. */
    public SubscriptionState moveTo(SubscriptionStatus next, String decisionNote, Instant at, boolean decision) {
        return new SubscriptionState(
                subscriptionId,
                tenantId,
                applicationId,
                apiId,
                apiTenantId,
                planId,
                next,
                decisionNote,
                createdAt,
                at,
                decision ? at : decidedAt);
    }
}
