package io.keygate.policy.api.rest;

import io.keygate.events.policy.ApiVisibility;
import java.util.Locale;

/** Visibility as the REST API spells it: {@code private} or {@code public}. */
final class Visibilities {

    static final String FORMAT = "private|public";

    private Visibilities() {}

    static ApiVisibility parse(String visibility) {
        return visibility == null ? null : ApiVisibility.valueOf(visibility.toUpperCase(Locale.ROOT));
    }
}
