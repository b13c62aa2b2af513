package io.keygate.events.policy;

/** Lifecycle of a route. */
public enum RouteStatus {
    /** Served by gateways. */
    ACTIVE,
    /** Deleted: gateways stop serving it, its host + prefix + methods are free again. */
    DELETED
}
