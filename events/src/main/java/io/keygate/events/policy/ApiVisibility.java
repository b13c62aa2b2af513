package io.keygate.events.policy;

/** Who sees an API in the developer portal. */
public enum ApiVisibility {
    /** Only the owner tenant. */
    PRIVATE,
    /** Every tenant's developer portal lists it. */
    PUBLIC
}
