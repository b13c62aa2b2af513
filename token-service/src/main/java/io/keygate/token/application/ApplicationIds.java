package io.keygate.token.application;

import io.keygate.events.EventEnvelope;
import java.util.regex.Pattern;

/**
 * Application ids: {@code app_} + 32 lowercase hex digits. The one definition every credential that
 * references an application validates against.
 */
public final class ApplicationIds {

    /** Shape of an application id, as a regular expression (usable in validation annotations). */
    public static final String FORMAT = "app_[0-9a-f]{32}";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private ApplicationIds() {}

    /** A new id; time-ordered (UUIDv7), like key ids, so ids sort roughly by creation. */
    public static String newId() {
        return "app_" + EventEnvelope.newEventId().toString().replace("-", "");
    }

    /** Whether {@code id} has the shape of an application id (not whether it exists). */
    public static boolean isWellFormed(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
