package io.keygate.token.identity.session;

import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.events.identity.SessionEvent;
import io.keygate.events.identity.SessionRefreshed;
import io.keygate.events.identity.SessionStarted;
import io.keygate.events.identity.SessionState;
import io.keygate.events.identity.SessionStatus;
import io.keygate.eventstore.Decider;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.session.SessionCommand.EndSession;
import io.keygate.token.identity.session.SessionCommand.RefreshSession;
import io.keygate.token.identity.session.SessionCommand.StartSession;
import java.time.Instant;
import java.util.List;

/** The session aggregate: pure {@link #decide} and {@link #evolve}. Tokens are not part of it. */
public final class Session {

    public static final String AGGREGATE_TYPE = "session";

    public static final Decider<SessionCommand, SessionState, SessionEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Session::decide, Session::evolve);

    private Session() {}

    /** The events a command produces from {@code state} (null if the session does not exist). */
    public static List<SessionEvent> decide(SessionCommand command, SessionState state) {
        if (command instanceof StartSession start) {
            if (state != null) {
                throw new IdentityRejectedException(
                        new IdentityRejection.Conflict("Session " + start.sessionId() + " already exists"));
            }
            return List.of(new SessionStarted(new SessionState(
                    start.sessionId(),
                    start.userId(),
                    start.tenantId(),
                    start.roles(),
                    start.platformAdmin(),
                    SessionStatus.ACTIVE,
                    start.at(),
                    start.expiresAt(),
                    start.at(),
                    start.accessTokenExpiresAt(),
                    null,
                    null)));
        }
        if (command instanceof RefreshSession refresh) {
            return refresh(refresh, state);
        }
        EndSession end = (EndSession) command;
        if (state == null || state.status() == SessionStatus.ENDED) {
            return List.of();
        }
        return List.of(ended(state, end.reason(), end));
    }

    /** The state after an event. */
    public static SessionState evolve(SessionState state, SessionEvent event) {
        return event.session();
    }

    private static List<SessionEvent> refresh(RefreshSession refresh, SessionState state) {
        if (state == null || state.status() == SessionStatus.ENDED) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidToken("refreshToken"));
        }
        if (!refresh.at().isBefore(state.expiresAt())) {
            return List.of(ended(state, SessionEndReason.EXPIRED, refresh));
        }
        if (!refresh.at().isBefore(state.lastRefreshedAt().plus(refresh.idleTimeout()))) {
            return List.of(ended(state, SessionEndReason.IDLE_TIMEOUT, refresh));
        }
        return List.of(new SessionRefreshed(new SessionState(
                state.sessionId(),
                state.userId(),
                state.tenantId(),
                refresh.roles(),
                refresh.platformAdmin(),
                SessionStatus.ACTIVE,
                state.startedAt(),
                state.expiresAt(),
                refresh.at(),
                latest(state, refresh.accessTokenExpiresAt()),
                null,
                null)));
    }

    private static SessionEnded ended(SessionState state, SessionEndReason reason, SessionCommand command) {
        Instant at = command instanceof RefreshSession refresh ? refresh.at() : ((EndSession) command).at();
        SessionState ended = new SessionState(
                state.sessionId(),
                state.userId(),
                state.tenantId(),
                state.roles(),
                state.platformAdmin(),
                SessionStatus.ENDED,
                state.startedAt(),
                state.expiresAt(),
                state.lastRefreshedAt(),
                state.accessTokenExpiresAt(),
                at,
                reason);
        return new SessionEnded(ended, reason, state.accessTokenExpiresAt());
    }

    private static Instant latest(SessionState state, Instant candidate) {
        return candidate.isAfter(state.accessTokenExpiresAt()) ? candidate : state.accessTokenExpiresAt();
    }
}
