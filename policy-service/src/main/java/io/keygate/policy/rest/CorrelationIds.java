package io.keygate.policy.rest;

import java.util.UUID;

/**
 * The correlation id of the events a request causes: the caller's {@code X-Request-Id} when it is a plausible
 * id, otherwise a new one (a header is caller input: it must not smuggle text into the audit trail).
 */
public final class CorrelationIds {

    /** The request header a caller may set. */
    public static final String HEADER = "X-Request-Id";

    private CorrelationIds() {}

    /** The correlation id for a request with this {@code X-Request-Id} (null if absent). */
    public static String of(String requestId) {
        return requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                ? requestId
                : UUID.randomUUID().toString();
    }
}
