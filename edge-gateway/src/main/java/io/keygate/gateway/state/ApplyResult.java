package io.keygate.gateway.state;

/** What applying one event did to the gateway's state. */
public enum ApplyResult {
    /** The state changed. */
    APPLIED,
    /** The event's sequence was not newer than the aggregate's applied one: a replay, ignored. */
    STALE,
    /** An event type the gateway does not keep state for. */
    IGNORED
}
