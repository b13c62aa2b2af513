package io.keygate.token.identity.login;

import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.events.identity.LoginMethod;
import io.keygate.events.identity.LoginStep;
import io.keygate.events.identity.LoginSucceeded;
import io.keygate.events.identity.UserState;
import io.keygate.eventstore.EventStore;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.RequestOrigin;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records every login attempt as an event: a fact with a unique id (aggregate type {@code login-attempt}, version 1),
 * with the client address and, when known, the user as actor. Never the password, code or typed address.
 */
@ApplicationScoped
public class LoginAudit {

    public static final String AGGREGATE_TYPE = "login-attempt";

    private final EventStore store;
    private final Clock clock = Clock.systemUTC();

    LoginAudit(EventStore store) {
        this.store = store;
    }

    /** A login completed and started {@code sessionId}. */
    public Uni<Void> succeeded(UserState user, String sessionId, LoginMethod method, RequestOrigin origin) {
        Instant now = now();
        return record(
                new LoginSucceeded(
                        IdentityIds.newLoginAttemptId(), user.userId(), user.tenantId(), sessionId, method, now),
                origin,
                now,
                user.userId());
    }

    /** A login step failed; {@code user} is null for an unknown address. */
    public Uni<Void> failed(
            UserState user,
            String accountHash,
            LoginStep step,
            LoginFailureReason reason,
            Instant lockedUntil,
            RequestOrigin origin) {
        Instant now = now();
        String userId = user == null ? null : user.userId();
        return record(
                new LoginFailed(
                        IdentityIds.newLoginAttemptId(),
                        userId,
                        user == null ? null : user.tenantId(),
                        accountHash,
                        step,
                        reason,
                        lockedUntil,
                        now),
                origin,
                now,
                userId);
    }

    private Uni<Void> record(io.keygate.events.KeygateEvent event, RequestOrigin origin, Instant at, String userId) {
        return store.inTransaction(
                tx -> store.appendDecided(tx, AGGREGATE_TYPE, 0, List.of(event), origin.metadata(at, userId)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
