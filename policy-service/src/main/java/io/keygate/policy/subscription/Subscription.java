package io.keygate.policy.subscription;

import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionCancelled;
import io.keygate.events.policy.SubscriptionEvent;
import io.keygate.events.policy.SubscriptionRejected;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionResumed;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.policy.SubscriptionSuspended;
import io.keygate.eventstore.Decider;
import io.keygate.policy.subscription.SubscriptionCommand.CancelSubscription;
import io.keygate.policy.subscription.SubscriptionCommand.Decide;
import io.keygate.policy.subscription.SubscriptionCommand.RequestSubscription;
import java.util.List;

/**
 * The subscription aggregate as two pure functions. A request to an API that needs no approval is approved
 * in the same decision (two events), so every subscription goes through the same lifecycle:
 *
 * <pre>
 * PENDING --approve--> APPROVED --suspend--> SUSPENDED --resume--> APPROVED
 * PENDING --reject---> REJECTED (final)      live --cancel--> CANCELLED (final)
 * </pre>
 *
 * Repeating a transition that already happened (approving an approved subscription) changes nothing.
 */
public final class Subscription {

    /** The aggregate type of subscriptions in the event store. */
    public static final String AGGREGATE_TYPE = "subscription";

    /** The rules below as the event store runs them. */
    public static final Decider<SubscriptionCommand, SubscriptionState, SubscriptionEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Subscription::decide, Subscription::evolve);

    /** The note of an approval that needed no one. */
    public static final String AUTOMATIC_APPROVAL = "Approved automatically: the API does not require approval";

    static final int MAX_NOTE = 500;

    private Subscription() {}

    /** The events a command produces from {@code state} (null if the subscription does not exist). */
    public static List<SubscriptionEvent> decide(SubscriptionCommand command, SubscriptionState state) {
        if (command instanceof RequestSubscription request) {
            return request(request, state);
        }
        if (command instanceof CancelSubscription cancel) {
            return cancel(cancel, state);
        }
        return decide((Decide) command, state);
    }

    /** The state after an event: the state it carries. */
    public static SubscriptionState evolve(SubscriptionState state, SubscriptionEvent event) {
        return event.subscription();
    }

    private static List<SubscriptionEvent> request(RequestSubscription request, SubscriptionState state) {
        if (state != null) {
            throw new SubscriptionRejectedException(new SubscriptionRejection.NotFound(request.subscriptionId()));
        }
        SubscriptionTarget target = request.target();
        if (target == null || !target.visibleToRequester()) {
            throw notSubscribable("apiId", "the API does not exist");
        }
        if (!target.active()) {
            throw notSubscribable("apiId", "the API is retired");
        }
        if (target.plan() == null || !target.plan().apiId().equals(target.apiId())) {
            throw notSubscribable("planId", "the API has no such plan");
        }
        if (!target.plan().acceptsSubscriptions()) {
            throw notSubscribable("planId", "the plan is retired");
        }
        SubscriptionState pending = new SubscriptionState(
                request.subscriptionId(),
                request.tenantId(),
                request.applicationId(),
                target.apiId(),
                target.apiTenantId(),
                target.plan().planId(),
                SubscriptionStatus.PENDING,
                null,
                request.at(),
                request.at(),
                null);
        if (target.subscriptionApproval()) {
            return List.of(new SubscriptionRequested(pending));
        }
        return List.of(
                new SubscriptionRequested(pending),
                new SubscriptionApproved(
                        pending.moveTo(SubscriptionStatus.APPROVED, AUTOMATIC_APPROVAL, request.at(), true)));
    }

    private static List<SubscriptionEvent> decide(Decide decide, SubscriptionState state) {
        if (state == null
                || !state.apiTenantId().equals(decide.tenantId())
                || !state.apiId().equals(decide.apiId())) {
            throw new SubscriptionRejectedException(new SubscriptionRejection.NotFound(decide.subscriptionId()));
        }
        String note = checkNote(
                decide.note(),
                decide.decision() == SubscriptionCommand.Decision.REJECT
                        || decide.decision() == SubscriptionCommand.Decision.SUSPEND);
        SubscriptionStatus status = state.status();
        switch (decide.decision()) {
            case APPROVE:
                if (status == SubscriptionStatus.APPROVED) {
                    return List.of();
                }
                require(state, status == SubscriptionStatus.PENDING, "approved");
                return List.of(
                        new SubscriptionApproved(state.moveTo(SubscriptionStatus.APPROVED, note, decide.at(), true)));
            case REJECT:
                if (status == SubscriptionStatus.REJECTED) {
                    return List.of();
                }
                require(state, status == SubscriptionStatus.PENDING, "rejected");
                return List.of(
                        new SubscriptionRejected(state.moveTo(SubscriptionStatus.REJECTED, note, decide.at(), true)));
            case SUSPEND:
                if (status == SubscriptionStatus.SUSPENDED) {
                    return List.of();
                }
                require(state, status == SubscriptionStatus.APPROVED, "suspended");
                return List.of(new SubscriptionSuspended(
                        state.moveTo(SubscriptionStatus.SUSPENDED, note, decide.at(), false)));
            default:
                if (status == SubscriptionStatus.APPROVED) {
                    return List.of();
                }
                require(state, status == SubscriptionStatus.SUSPENDED, "resumed");
                return List.of(
                        new SubscriptionResumed(state.moveTo(SubscriptionStatus.APPROVED, note, decide.at(), false)));
        }
    }

    private static List<SubscriptionEvent> cancel(CancelSubscription cancel, SubscriptionState state) {
        if (state == null || !state.tenantId().equals(cancel.tenantId())) {
            throw new SubscriptionRejectedException(new SubscriptionRejection.NotFound(cancel.subscriptionId()));
        }
        if (state.status() == SubscriptionStatus.CANCELLED) {
            return List.of();
        }
        require(state, state.status().isLive(), "cancelled");
        return List.of(new SubscriptionCancelled(
                state.moveTo(SubscriptionStatus.CANCELLED, state.note(), cancel.at(), false)));
    }

    private static String checkNote(String note, boolean required) {
        String stripped = note == null ? null : note.strip();
        if (stripped != null && stripped.isEmpty()) {
            stripped = null;
        }
        if (required && stripped == null) {
            throw new SubscriptionRejectedException(
                    new SubscriptionRejection.InvalidNote("a reason is required to reject or suspend"));
        }
        if (stripped != null && stripped.length() > MAX_NOTE) {
            throw new SubscriptionRejectedException(
                    new SubscriptionRejection.InvalidNote("at most " + MAX_NOTE + " characters"));
        }
        return stripped;
    }

    private static void require(SubscriptionState state, boolean allowed, String action) {
        if (!allowed) {
            throw new SubscriptionRejectedException(
                    new SubscriptionRejection.InvalidTransition(state.subscriptionId(), state.status(), action));
        }
    }

    private static SubscriptionRejectedException notSubscribable(String field, String message) {
        return new SubscriptionRejectedException(new SubscriptionRejection.NotSubscribable(field, message));
    }
}
