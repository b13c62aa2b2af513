package io.keygate.policy.subscription;

import java.util.UUID;

/** Subscription ids: {@code sub_} and 32 lowercase hex digits. */
public final class SubscriptionIds {

    /** The id format, for path and body validation. */
    public static final String FORMAT = "sub_[0-9a-f]{32}";

    private SubscriptionIds() {}

    /** A new random id. */
    public static String newId() {
        return "sub_" + UUID.randomUUID().toString().replace("-", "");
    }
}
