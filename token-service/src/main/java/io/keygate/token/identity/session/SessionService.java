package io.keygate.token.identity.session;

import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.events.identity.SessionEvent;
import io.keygate.events.identity.SessionState;
import io.keygate.events.identity.SessionStatus;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.eventstore.EventMetadata;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.OneTimeTokens;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.session.SessionCommand.EndSession;
import io.keygate.token.identity.session.SessionCommand.RefreshSession;
import io.keygate.token.identity.session.SessionCommand.StartSession;
import io.keygate.token.identity.store.RefreshTokenStore;
import io.keygate.token.identity.store.SessionProjection;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.team.TeamProjection;
import io.keygate.token.oauth.service.ActiveSigningKey;
import io.keygate.token.oauth.service.SigningKeyService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sessions: start one after a complete login, refresh it (rotating the refresh token, RFC 9700 reuse detection),
 * end it. Every change is an event on the session aggregate; refresh tokens are kept apart as keyed hashes.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final EventStore store;
    private final SessionProjection sessions;
    private final UserProjection users;
    private final RefreshTokenStore refreshTokens;
    private final SigningKeyService signingKeys;
    private final SessionTokenIssuer issuer;
    private final TeamProjection teams;
    private final IdentityConfig config;
    private final OneTimeTokens tokens;
    private final Clock clock = Clock.systemUTC();

    SessionService(
            EventStore store,
            SessionProjection sessions,
            UserProjection users,
            RefreshTokenStore refreshTokens,
            SigningKeyService signingKeys,
            SessionTokenIssuer issuer,
            TeamProjection teams,
            IdentityConfig config,
            TokenServiceConfig tokenConfig) {
        this.teams = teams;
        this.store = store;
        this.sessions = sessions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
        this.config = config;
        this.tokens = new OneTimeTokens(tokenConfig.pepper());
    }

    /** Starts a session for a user whose login just completed; fails if the user stopped being active meanwhile. */
    public Uni<IssuedSession> start(UserState user, RequestOrigin origin) {
        return activeKey()
                .chain(key -> teams.teamsOf(user.userId()).chain(userTeams -> {
                    Instant now = now();
                    Instant accessExpiresAt = now.plus(config.session().accessTokenLifetime());
                    StartSession command = new StartSession(
                            IdentityIds.newSessionId(),
                            user.userId(),
                            user.tenantId(),
                            user.roles(),
                            user.platformAdmin(),
                            now,
                            now.plus(config.session().absoluteLifetime()),
                            accessExpiresAt);
                    String refreshToken = OneTimeTokens.newToken(OneTimeTokens.REFRESH);
                    ReadModelWriter<SessionState, SessionEvent> writer = ReadModelWriter.checked(
                            (tx, decision) -> requireActive(tx, user.userId()),
                            (tx, decision) -> sessions.upsert(tx, decision.state(), decision.version())
                                    .chain(() -> refreshTokens.add(
                                            tx, tokens.hash(refreshToken), command.sessionId(), now)));
                    return store.create(Session.DECIDER, command, origin.metadata(now, user.userId()), writer)
                            .map(decision ->
                                    issued(key, decision.state(), userTeams, now, accessExpiresAt, refreshToken));
                }));
    }

    /**
     * Rotates a refresh token: a new access token with the user's current roles and a new refresh token. An unknown
     * token, a session that ended, expired or idled out, or a user no longer active is refused; a token presented a
     * second time ends its session (reason {@code REFRESH_REUSE}) and is refused.
     */
    public Uni<IssuedSession> refresh(String refreshToken, RequestOrigin origin) {
        if (!OneTimeTokens.looksLike(refreshToken, OneTimeTokens.REFRESH)) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        String hash = tokens.hash(refreshToken);
        return refreshTokens.find(hash).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().failure(invalidRefreshToken());
            }
            if (stored.used()) {
                return endAfterReuse(stored.sessionId(), origin);
            }
            return sessions.find(stored.sessionId())
                    .chain(session ->
                            session == null ? Uni.createFrom().<UserState>nullItem() : users.find(session.userId()))
                    .chain(user -> rotate(stored.sessionId(), hash, user, origin))
                    .onFailure(ReuseDetected.class)
                    .recoverWithUni(() -> endAfterReuse(stored.sessionId(), origin));
        });
    }

    /** Ends the caller's session (logout); ending an ended session changes nothing. */
    public Uni<Void> end(String sessionId, String userId, SessionEndReason reason, RequestOrigin origin) {
        Instant now = now();
        return sessions.find(sessionId).chain(session -> {
            if (session == null || !session.userId().equals(userId)) {
                return Uni.createFrom()
                        .failure(new IdentityRejectedException(new IdentityRejection.NotAuthenticated()));
            }
            return store.execute(
                            Session.DECIDER,
                            sessionId,
                            new EndSession(sessionId, reason, now),
                            origin.metadata(now, userId),
                            (tx, decision) -> sessions.upsert(tx, decision.state(), decision.version()))
                    .replaceWithVoid();
        });
    }

    /**
     * Ends every live session of a user except {@code keep} (may be null), in the caller's transaction: one
     * {@code session-ended} event each, committed with the user event that caused it, so a disabled user's tokens are
     * denied everywhere as soon as that commits.
     */
    public Uni<Void> endAll(
            SqlConnection tx, String userId, String keep, SessionEndReason reason, EventMetadata metadata) {
        return sessions.lockLive(tx, userId).chain(live -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SessionProjection.LiveSession session : live) {
                if (session.state().sessionId().equals(keep)) {
                    continue;
                }
                List<SessionEvent> events = Session.decide(
                        new EndSession(session.state().sessionId(), reason, metadata.at()), session.state());
                SessionState ended = Session.DECIDER.replay(events);
                chain = chain.chain(() ->
                                store.appendDecided(tx, Session.AGGREGATE_TYPE, session.version(), events, metadata))
                        .chain(() -> sessions.upsert(tx, ended, session.version() + events.size()));
            }
            return chain;
        });
    }

    private Uni<IssuedSession> rotate(String sessionId, String hash, UserState user, RequestOrigin origin) {
        if (user == null || user.status() != UserStatus.ACTIVE) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        return activeKey()
                .chain(key -> teams.teamsOf(user.userId()).chain(userTeams -> {
                    Instant now = now();
                    Instant accessExpiresAt = now.plus(config.session().accessTokenLifetime());
                    String next = OneTimeTokens.newToken(OneTimeTokens.REFRESH);
                    RefreshSession command = new RefreshSession(
                            sessionId,
                            user.roles(),
                            user.platformAdmin(),
                            now,
                            config.session().idleTimeout(),
                            accessExpiresAt);
                    ReadModelWriter<SessionState, SessionEvent> writer = ReadModelWriter.checked(
                            (tx, decision) -> refreshTokens
                                    .markUsed(tx, hash, now)
                                    .invoke(marked -> {
                                        if (!marked) {
                                            throw new ReuseDetected();
                                        }
                                    }),
                            (tx, decision) -> sessions.upsert(tx, decision.state(), decision.version())
                                    .chain(() -> decision.state().status() == SessionStatus.ACTIVE
                                            ? refreshTokens.add(tx, tokens.hash(next), sessionId, now)
                                            : Uni.createFrom().voidItem()));
                    return store.execute(
                                    Session.DECIDER, sessionId, command, origin.metadata(now, user.userId()), writer)
                            .onFailure(ConcurrencyConflictException.class)
                            .transform(conflict -> new ReuseDetected())
                            .map(decision -> {
                                if (decision.state().status() != SessionStatus.ACTIVE) {
                                    // Expired or idle: the decision ended it.
                                    throw invalidRefreshToken();
                                }
                                return issued(key, decision.state(), userTeams, now, accessExpiresAt, next);
                            });
                }));
    }

    private Uni<IssuedSession> endAfterReuse(String sessionId, RequestOrigin origin) {
        Instant now = now();
        return sessions.find(sessionId)
                .chain(session -> store.execute(
                        Session.DECIDER,
                        sessionId,
                        new EndSession(sessionId, SessionEndReason.REFRESH_REUSE, now),
                        origin.metadata(now, session == null ? null : session.userId()),
                        (tx, decision) -> sessions.upsert(tx, decision.state(), decision.version())))
                .invoke(decision -> {
                    if (decision.changed()) {
                        SessionEnded ended = (SessionEnded) decision.events().get(0);
                        LOG.warnf(
                                "Refresh token of session %s presented again: session ended (user %s)",
                                sessionId, ended.userId());
                    }
                })
                .onFailure(ConcurrencyConflictException.class)
                .recoverWithNull()
                .chain(() -> Uni.createFrom().failure(invalidRefreshToken()));
    }

    private Uni<Void> requireActive(SqlConnection tx, String userId) {
        return users.lockStatus(tx, userId)
                .invoke(status -> {
                    if (status != UserStatus.ACTIVE) {
                        throw new IdentityRejectedException(new IdentityRejection.AuthenticationFailed(null));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<ActiveSigningKey> activeKey() {
        return signingKeys.signingKey().map(key -> {
            if (key == null) {
                throw new IdentityRejectedException(new IdentityRejection.Unavailable());
            }
            return key;
        });
    }

    private IssuedSession issued(
            ActiveSigningKey key,
            SessionState session,
            List<String> userTeams,
            Instant now,
            Instant expiresAt,
            String refreshToken) {
        return new IssuedSession(
                session.sessionId(),
                session.userId(),
                issuer.sign(key, session, userTeams, now, expiresAt),
                expiresAt,
                refreshToken,
                config.session().accessTokenLifetime().toSeconds());
    }

    private static IdentityRejectedException invalidRefreshToken() {
        return new IdentityRejectedException(new IdentityRejection.InvalidToken("refreshToken"));
    }

    private Instant now() {
        // Whole seconds: JWT times are seconds, so the session's accessTokenExpiresAt equals the token's exp.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A refresh token was used by a concurrent refresh between the lookup and the rotation. */
    private static final class ReuseDetected extends RuntimeException {
        ReuseDetected() {
            super("refresh token reused", null, false, false);
        }
    }
}
