package io.keygate.events.policy;

/**
 * Lifecycle of a subscription. Only {@code APPROVED} lets the application's credentials call the API.
 * {@code PENDING} waits for the API owner's approval; {@code REJECTED} and {@code CANCELLED} are final;
 * {@code SUSPENDED} can be resumed.
 */
public enum SubscriptionStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SUSPENDED,
    CANCELLED;

    /** Whether the subscription still claims its application × API pair (no second one may be made). */
    public boolean isLive() {
        return this == PENDING || this == APPROVED || this == SUSPENDED;
    }
}
