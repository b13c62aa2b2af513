package io.keygate.token.identity.user;

import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
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
import io.keygate.token.identity.password.PasswordHasher;
import io.keygate.token.identity.password.PasswordPolicy;
import io.keygate.token.identity.session.SessionService;
import io.keygate.token.identity.store.TenantProjection;
import io.keygate.token.identity.store.UserCredentialStore;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.UserCommand.AcceptInvitation;
import io.keygate.token.identity.user.UserCommand.ChangePassword;
import io.keygate.token.identity.user.UserCommand.ChangeRoles;
import io.keygate.token.identity.user.UserCommand.DeleteUser;
import io.keygate.token.identity.user.UserCommand.DisableUser;
import io.keygate.token.identity.user.UserCommand.EnableUser;
import io.keygate.token.identity.user.UserCommand.InviteUser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * User lifecycle: invite, accept, roles, disable, enable, delete, and password changes. Each command appends the
 * user event with its read model, its secrets and, when it ends sessions, their {@code session-ended} events in one
 * transaction. Password hashing runs on the worker pool, never on the event loop.
 */
@ApplicationScoped
public class UserService {

    private final EventStore store;
    private final UserProjection users;
    private final TenantProjection tenants;
    private final UserCredentialStore credentials;
    private final SessionService sessions;
    private final IdentityConfig config;
    private final OneTimeTokens tokens;
    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordPolicy policy = PasswordPolicy.withBundledDenyList();
    private final Clock clock = Clock.systemUTC();

    UserService(
            EventStore store,
            UserProjection users,
            TenantProjection tenants,
            UserCredentialStore credentials,
            SessionService sessions,
            IdentityConfig config,
            TokenServiceConfig tokenConfig) {
        this.store = store;
        this.users = users;
        this.tenants = tenants;
        this.credentials = credentials;
        this.sessions = sessions;
        this.config = config;
        this.tokens = new OneTimeTokens(tokenConfig.pepper());
    }

    /**
     * Invites a user to a tenant (which must exist), or as a platform admin when {@code tenantId} is null; the
     * invitation token is in the result only.
     */
    public Uni<Invitation> invite(
            String tenantId, String email, List<TenantRole> roles, String invitedBy, RequestOrigin origin) {
        Instant now = now();
        String token = OneTimeTokens.newToken(OneTimeTokens.INVITATION);
        Instant expiresAt = now.plus(config.invitationLifetime());
        InviteUser command = new InviteUser(
                IdentityIds.newUserId(),
                tenantId,
                normalise(email),
                tenantId == null ? List.of() : roles,
                tenantId == null,
                RequestOrigin.userActor(invitedBy),
                expiresAt,
                now);
        ReadModelWriter<UserState, UserEvent> writer = ReadModelWriter.checked(
                (tx, decision) -> tenantId == null ? Uni.createFrom().voidItem() : requireTenant(tx, tenantId),
                (tx, decision) -> users.upsert(tx, decision.state(), decision.version())
                        .chain(() -> credentials.create(tx, command.userId(), tokens.hash(token), null)));
        return store.create(User.DECIDER, command, origin.metadata(now, invitedBy), writer)
                .map(decision -> new Invitation(decision.state(), token, expiresAt));
    }

    /** Accepts an invitation: checks the token and the password policy, then activates the user. */
    public Uni<UserState> acceptInvitation(
            String invitationToken, String password, String displayName, RequestOrigin origin) {
        if (!OneTimeTokens.looksLike(invitationToken, OneTimeTokens.INVITATION)) {
            return Uni.createFrom().failure(invalidInvitation());
        }
        String invitationHash = tokens.hash(invitationToken);
        return credentials
                .userOfInvitation(invitationHash)
                .chain(userId -> userId == null ? Uni.createFrom().<UserState>nullItem() : users.find(userId))
                .chain(user -> {
                    if (user == null || user.status() != UserStatus.INVITED) {
                        return Uni.createFrom().failure(invalidInvitation());
                    }
                    requireAcceptable(password, user.email(), "password");
                    return hash(password).chain(phc -> {
                        Instant now = now();
                        return store.execute(
                                        User.DECIDER,
                                        user.userId(),
                                        new AcceptInvitation(user.userId(), displayName, now),
                                        origin.metadata(now, user.userId()),
                                        writer((tx, state) ->
                                                credentials.acceptInvitation(tx, user.userId(), invitationHash, phc)))
                                .map(decision -> decision.state());
                    });
                });
    }

    /** Replaces a tenant user's roles; sessions keep going and get the new roles at their next refresh. */
    public Uni<UserState> changeRoles(
            String tenantId, String userId, List<TenantRole> roles, String actor, RequestOrigin origin) {
        Instant now = now();
        return execute(new ChangeRoles(userId, tenantId, roles, now), now, actor, origin, null);
    }

    /** Disables a user and ends every live session of the user in the same transaction. */
    public Uni<UserState> disable(String tenantId, String userId, String actor, RequestOrigin origin) {
        Instant now = now();
        return execute(new DisableUser(userId, tenantId, now), now, actor, origin, SessionEndReason.USER_DISABLED);
    }

    /** Enables a disabled user. */
    public Uni<UserState> enable(String tenantId, String userId, String actor, RequestOrigin origin) {
        Instant now = now();
        return execute(new EnableUser(userId, tenantId, now), now, actor, origin, null);
    }

    /** Deletes a user and ends every live session of the user in the same transaction. */
    public Uni<UserState> delete(String tenantId, String userId, String actor, RequestOrigin origin) {
        Instant now = now();
        return execute(new DeleteUser(userId, tenantId, now), now, actor, origin, SessionEndReason.USER_DELETED);
    }

    /**
     * Sets a new password for an active user after the caller checked who it is (current password, or a login's
     * password-change challenge); every other session of the user ends.
     *
     * @param field        the request field named if the policy refuses the password
     * @param keepSession  the caller's own session, which goes on (null: end all)
     */
    public Uni<UserState> setPassword(
            UserState user, String newPassword, String field, String keepSession, RequestOrigin origin) {
        requireAcceptable(newPassword, user.email(), field);
        return hash(newPassword).chain(phc -> {
            Instant now = now();
            EventMetadata metadata = origin.metadata(now, user.userId());
            return store.execute(
                            User.DECIDER,
                            user.userId(),
                            new ChangePassword(user.userId(), now),
                            metadata,
                            writer((tx, state) -> credentials
                                    .setPassword(tx, user.userId(), phc)
                                    .chain(() -> sessions.endAll(
                                            tx,
                                            user.userId(),
                                            keepSession,
                                            SessionEndReason.PASSWORD_CHANGED,
                                            metadata))))
                    .map(decision -> decision.state());
        });
    }

    /** Whether {@code password} is the user's current password (on the worker pool). */
    public Uni<Boolean> isCurrentPassword(String userId, String password) {
        return credentials
                .find(userId)
                .chain(stored -> verify(stored == null ? null : stored.passwordHash(), password));
    }

    /** Argon2id verification on the worker pool; a null hash verifies against a dummy so the time is the same. */
    public Uni<Boolean> verify(String phc, String password) {
        return Uni.createFrom()
                .item(() -> {
                    if (phc == null || password == null) {
                        // The same work as a real check, so an unknown user answers as slowly as a wrong password.
                        hasher.verify(DummyHash.VALUE, password == null ? "" : password);
                        return false;
                    }
                    return hasher.verify(phc, password);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Argon2id hashing on the worker pool. */
    public Uni<String> hash(String password) {
        return Uni.createFrom()
                .item(() -> hasher.hash(password))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The refusal of the password policy for this password, as the rejection naming {@code field}. */
    public void requireAcceptable(String password, String email, String field) {
        policy.refusal(password, email).ifPresent(message -> {
            throw new IdentityRejectedException(new IdentityRejection.InvalidField(field, message));
        });
    }

    /** The lower-cased, trimmed form every e-mail address is stored and looked up in. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private Uni<UserState> execute(
            UserCommand command, Instant now, String actor, RequestOrigin origin, SessionEndReason endsSessions) {
        EventMetadata metadata = origin.metadata(now, actor);
        return store.execute(
                        User.DECIDER,
                        command.userId(),
                        command,
                        metadata,
                        writer((tx, state) -> endsSessions == null
                                ? Uni.createFrom().voidItem()
                                : sessions.endAll(tx, command.userId(), null, endsSessions, metadata)))
                .map(decision -> {
                    if (decision.state() == null) {
                        throw new IdentityRejectedException(new IdentityRejection.NotFound("User " + command.userId()));
                    }
                    return decision.state();
                });
    }

    /** Projects the user, then does {@code more} in the same transaction (only when the command appended events). */
    private ReadModelWriter<UserState, UserEvent> writer(BiFunction<SqlConnection, UserState, Uni<?>> more) {
        return (tx, decision) ->
                users.upsert(tx, decision.state(), decision.version()).chain(() -> more.apply(tx, decision.state()));
    }

    private Uni<Void> requireTenant(SqlConnection tx, String tenantId) {
        return tenants.lockExists(tx, tenantId)
                .invoke(exists -> {
                    if (!exists) {
                        throw new IdentityRejectedException(new IdentityRejection.NotFound("Tenant " + tenantId));
                    }
                })
                .replaceWithVoid();
    }

    private static IdentityRejectedException invalidInvitation() {
        return new IdentityRejectedException(new IdentityRejection.InvalidToken("invitationToken"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An invitation as handed to the inviter.
     *
     * @param user      the invited user
     * @param token     the one-time invitation token, shown once
     * @param expiresAt until when it can be accepted
     */
    public record Invitation(UserState user, String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Invitation[" + user.userId() + "]";
        }
    }

    /** A hash of a random password with the current parameters: what unknown users are verified against. */
    private static final class DummyHash {
        static final String VALUE = new PasswordHasher().hash(OneTimeTokens.newToken("dummy_"));
    }
}
