package io.keygate.token.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.events.identity.SessionRefreshed;
import io.keygate.events.identity.SessionState;
import io.keygate.events.identity.SessionStatus;
import io.keygate.events.identity.TenantRole;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.session.SessionCommand.EndSession;
import io.keygate.token.identity.session.SessionCommand.RefreshSession;
import io.keygate.token.identity.session.SessionCommand.StartSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final String SESSION = "ses_0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration IDLE = Duration.ofHours(1);

    @Test
    void aRefreshIssuesTheCurrentRolesAndMovesTheLatestTokenExpiry() {
        SessionState refreshed = Session.evolve(
                started(),
                Session.decide(
                                new RefreshSession(
                                        SESSION,
                                        List.of(TenantRole.AUDITOR),
                                        false,
                                        T0.plusSeconds(240),
                                        IDLE,
                                        T0.plusSeconds(540)),
                                started())
                        .get(0));

        assertThat(refreshed.roles()).containsExactly(TenantRole.AUDITOR);
        assertThat(refreshed.lastRefreshedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(refreshed.accessTokenExpiresAt()).isEqualTo(T0.plusSeconds(540));
    }

    @Test
    void aSessionPastItsLifetimeOrIdleEndsInsteadOfRefreshing() {
        assertThat(Session.decide(refreshAt(T0.plus(Duration.ofHours(12))), started()))
                .singleElement()
                .isInstanceOfSatisfying(
                        SessionEnded.class, ended -> assertThat(ended.reason()).isEqualTo(SessionEndReason.EXPIRED));
        assertThat(Session.decide(refreshAt(T0.plus(IDLE)), started()))
                .singleElement()
                .isInstanceOfSatisfying(
                        SessionEnded.class,
                        ended -> assertThat(ended.reason()).isEqualTo(SessionEndReason.IDLE_TIMEOUT));
        assertThat(Session.decide(refreshAt(T0.plus(IDLE).minusSeconds(1)), started()))
                .singleElement()
                .isInstanceOf(SessionRefreshed.class);
    }

    @Test
    void endingCarriesTheLatestAccessTokenExpiryAndHappensOnce() {
        SessionEnded ended = (SessionEnded)
                Session.decide(new EndSession(SESSION, SessionEndReason.LOGOUT, T0.plusSeconds(10)), started())
                        .get(0);

        assertThat(ended.accessTokenExpiresAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(ended.session().status()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.session().endReason()).isEqualTo(SessionEndReason.LOGOUT);
        assertThat(Session.decide(new EndSession(SESSION, SessionEndReason.LOGOUT, T0), ended.session()))
                .isEmpty();
        assertThatThrownBy(() -> Session.decide(refreshAt(T0.plusSeconds(20)), ended.session()))
                .isInstanceOf(IdentityRejectedException.class);
    }

    private static RefreshSession refreshAt(Instant at) {
        return new RefreshSession(SESSION, List.of(), false, at, IDLE, at.plusSeconds(300));
    }

    private static SessionState started() {
        return Session.evolve(
                null,
                Session.decide(
                                new StartSession(
                                        SESSION,
                                        "usr_0123456789abcdef0123456789abcdef",
                                        "acme",
                                        List.of(TenantRole.ADMIN),
                                        false,
                                        T0,
                                        T0.plus(Duration.ofHours(12)),
                                        T0.plusSeconds(300)),
                                null)
                        .get(0));
    }
}
