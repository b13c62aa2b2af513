package io.keygate.access.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended before their tokens expire (logout, a disabled or deleted user, a reused refresh token), from the
 * {@code session-ended} events of {@code keygate.identities}, one per session. A token of an ended session is refused; an entry is forgotten once every token it
 * covers has expired, so the set stays as small as the number of sessions ended in the last token lifetime.
 */
public final class EndedSessions {

    private final Map<String, Instant> sessionsUntil = new ConcurrentHashMap<>();

    /** Refuses the tokens of session {@code sessionId}, which expire at the latest at {@code until}. */
    public void endSession(String sessionId, Instant until) {
        sessionsUntil.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether the tokens of this session must be refused. */
    public boolean isEnded(String sessionId) {
        return sessionsUntil.containsKey(sessionId);
    }

    /** Forgets what no live token can be affected by any more. */
    public void forgetExpired(Instant now) {
        sessionsUntil.values().removeIf(until -> until.isBefore(now));
    }
}
