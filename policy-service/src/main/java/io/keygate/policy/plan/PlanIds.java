package io.keygate.policy.plan;

import java.util.UUID;

/** Plan ids: {@code plan_} and 32 lowercase hex digits. */
public final class PlanIds {

    /** The id format, for path and body validation. */
    public static final String FORMAT = "plan_[0-9a-f]{32}";

    private PlanIds() {}

    /** A new random id. */
    public static String newId() {
        return "plan_" + UUID.randomUUID().toString().replace("-", "");
    }
}
