package io.keygate.policy.subscription;

import io.keygate.events.policy.SubscriptionStatus;

/** Why a subscription command was refused; each maps to one HTTP status. */
public sealed interface SubscriptionRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such subscription for the acting tenant (another tenant's is reported the same way). */
    record NotFound(String subscriptionId) implements SubscriptionRejection {
        @Override
        public String detail() {
            return "Subscription " + subscriptionId + " does not exist";
        }
    }

    /** A request names something that cannot be subscribed to; {@code field} is the request field at fault. */
    record NotSubscribable(String field, String message) implements SubscriptionRejection {
        @Override
        public String detail() {
            return "Cannot subscribe: " + message;
        }
    }

    /** The application already has a pending, approved or suspended subscription to the API. */
    record Duplicate(String applicationId, String apiId) implements SubscriptionRejection {
        @Override
        public String detail() {
            return "Application " + applicationId + " already has a live subscription to API " + apiId;
        }
    }

    /** The command does not apply in the subscription's current status. */
    record InvalidTransition(String subscriptionId, SubscriptionStatus status, String action)
            implements SubscriptionRejection {
        @Override
        public String detail() {
            return "Subscription " + subscriptionId + " is " + status + " and cannot be " + action;
        }
    }

    /** A decision that needs a reason came without one, or a note is too long. */
    record InvalidNote(String message) implements SubscriptionRejection {
        @Override
        public String detail() {
            return "Invalid value for: note (" + message + ")";
        }
    }
}
