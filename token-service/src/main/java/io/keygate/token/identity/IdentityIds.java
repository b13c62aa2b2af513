package io.keygate.token.identity;

import io.keygate.events.EventEnvelope;
import java.util.HexFormat;
import java.util.UUID;

/** Ids of identity aggregates: a prefix and 32 hex digits of a UUIDv7 (time-ordered, unguessable enough). */
public final class IdentityIds {

    public static final String USER_FORMAT = "usr_[0-9a-f]{32}";
    public static final String SESSION_FORMAT = "ses_[0-9a-f]{32}";
    public static final String PASSKEY_FORMAT = "pk_[0-9a-f]{32}";

    private IdentityIds() {}

    public static String newUserId() {
        return "usr_" + hex(EventEnvelope.newEventId());
    }

    public static String newSessionId() {
        return "ses_" + hex(EventEnvelope.newEventId());
    }

    public static String newPasskeyId() {
        return "pk_" + hex(EventEnvelope.newEventId());
    }

    public static String newLoginAttemptId() {
        return "login_" + hex(EventEnvelope.newEventId());
    }

    private static String hex(UUID id) {
        return HexFormat.of().toHexDigits(id.getMostSignificantBits())
                + HexFormat.of().toHexDigits(id.getLeastSignificantBits());
    }
}
