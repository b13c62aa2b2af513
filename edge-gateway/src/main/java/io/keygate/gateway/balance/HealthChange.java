package io.keygate.gateway.balance;

/** What a reported result did to a target's health, so the caller can log and count transitions. */
public enum HealthChange {
    /** Nothing worth telling. */
    NONE,
    /** The target was taken out of the rotation for a cooldown (again, if its trial request failed). */
    EJECTED,
    /** The target's trial request succeeded: it is back in the rotation. */
    RETURNED
}
