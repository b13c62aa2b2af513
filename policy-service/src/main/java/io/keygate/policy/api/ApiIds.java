package io.keygate.policy.api;

import io.keygate.events.EventEnvelope;

/** API ids: {@code api_} + 32 lowercase hex digits (a UUIDv7, so ids sort by creation). */
public final class ApiIds {

    /** Shape of an API id, as a regular expression (usable in validation annotations). */
    public static final String FORMAT = "api_[0-9a-f]{32}";

    private ApiIds() {}

    /** A new API id. */
    public static String newId() {
        return "api_" + EventEnvelope.newEventId().toString().replace("-", "");
    }
}
