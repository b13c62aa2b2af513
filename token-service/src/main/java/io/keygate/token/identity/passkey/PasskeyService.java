package io.keygate.token.identity.passkey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserState;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.store.PasskeyStore;
import io.keygate.token.identity.store.PasskeyStore.StoredPasskey;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.User;
import io.keygate.token.identity.user.UserCommand;
import io.keygate.token.identity.user.UserCommand.RegisterPasskey;
import io.keygate.token.identity.user.UserCommand.RemovePasskey;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A user's passkeys: registration (options with a single-use challenge, then the verified attestation, stored with a
 * user event in one transaction), listing, removal, and the assertion a passkey login checks. Any passkey makes the
 * user's logins ask for a second factor, like TOTP.
 */
@ApplicationScoped
public class PasskeyService {

    private final EventStore store;
    private final UserProjection users;
    private final PasskeyStore passkeys;
    private final WebAuthnCeremonies ceremonies;
    private final IdentityConfig config;
    private final Clock clock = Clock.systemUTC();

    PasskeyService(
            EventStore store,
            UserProjection users,
            PasskeyStore passkeys,
            WebAuthnCeremonies ceremonies,
            IdentityConfig config) {
        this.store = store;
        this.users = users;
        this.passkeys = passkeys;
        this.ceremonies = ceremonies;
        this.config = config;
    }

    /** Starts (or restarts) a registration: the creation options (JSON) whose challenge the next register answers. */
    public Uni<String> startRegistration(UserState user) {
        String challenge = ceremonies.newChallenge();
        return passkeys.startRegistration(user.userId(), challenge, now().plus(config.challengeLifetime()))
                .chain(() -> passkeys.ofUser(user.userId()))
                .map(existing -> ceremonies.creationOptions(user, challenge, existing));
    }

    /**
     * Registers the passkey the attestation {@code credential} creates, answering the latest registration options:
     * 400 naming {@code credential} if it does not verify, 409 if no registration is pending or the passkey is
     * registered already.
     */
    public Uni<Passkey> register(UserState user, String name, ObjectNode credential, RequestOrigin origin) {
        if (!WebAuthnCeremonies.isWellFormed(credential)) {
            return Uni.createFrom().failure(malformed());
        }
        Instant now = now();
        return passkeys.takeRegistrationChallenge(user.userId(), now).chain(challenge -> {
            if (challenge == null) {
                return Uni.createFrom()
                        .failure(conflict("No passkey registration was started, or it expired or was used: "
                                + "ask for new options"));
            }
            return ceremonies
                    .verifyRegistration(user.userId(), credential, challenge)
                    .onFailure(PasskeyRefusedException.class)
                    .transform(refused -> new IdentityRejectedException(new IdentityRejection.InvalidField(
                            "credential", "not a valid passkey registration for the latest options")))
                    .chain(created -> {
                        StoredPasskey passkey = new StoredPasskey(
                                IdentityIds.newPasskeyId(),
                                user.userId(),
                                created.credentialId(),
                                created.publicKey(),
                                created.publicKeyAlgorithm(),
                                created.counter(),
                                created.aaguid(),
                                name == null ? "" : name.strip(),
                                now,
                                null);
                        return execute(
                                        new RegisterPasskey(user.userId(), passkey.passkeyId(), name, now),
                                        now,
                                        origin,
                                        (tx, decision) -> passkeys.add(tx, passkey))
                                .onFailure(PasskeyService::isDuplicate)
                                .transform(duplicate -> conflict("This passkey is registered already"))
                                .replaceWith(new Passkey(passkey.passkeyId(), passkey.name(), now, null));
                    });
        });
    }

    /** The user's passkeys, oldest first. */
    public Uni<List<Passkey>> list(String userId) {
        return passkeys.ofUser(userId)
                .map(stored -> stored.stream()
                        .map(p -> new Passkey(p.passkeyId(), p.name(), p.createdAt(), p.lastUsedAt()))
                        .toList());
    }

    /** Removes a passkey of the user (404 if the user has no such passkey). */
    public Uni<Void> remove(UserState user, String passkeyId, RequestOrigin origin) {
        Instant now = now();
        return passkeys.find(user.userId(), passkeyId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(notFound(passkeyId));
            }
            ReadModelWriter<UserState, UserEvent> writer = ReadModelWriter.checked(
                    (tx, decision) -> passkeys.remove(tx, user.userId(), passkeyId)
                            .invoke(removed -> {
                                if (!removed) {
                                    throw notFound(passkeyId);
                                }
                            }),
                    (tx, decision) -> users.upsert(tx, decision.state(), decision.version()));
            return store.execute(
                            User.DECIDER,
                            user.userId(),
                            new RemovePasskey(user.userId(), passkeyId, now),
                            origin.metadata(now, user.userId()),
                            writer)
                    .replaceWithVoid();
        });
    }

    /** The request options (JSON) for a login assertion by one of the user's passkeys; 409 if the user has none. */
    public Uni<String> assertionOptions(String userId, String challenge) {
        return passkeys.ofUser(userId).map(allowed -> {
            if (allowed.isEmpty()) {
                throw conflict("The account has no passkey");
            }
            return ceremonies.requestOptions(challenge, allowed);
        });
    }

    /**
     * Whether {@code credential} is a valid assertion of one of the user's passkeys answering {@code challenge}, with a
     * signature counter that moved forward (it is then recorded, so a replay or a clone's older counter is refused).
     */
    public Uni<Boolean> verifyAssertion(String userId, ObjectNode credential, String challenge) {
        if (challenge == null) {
            return Uni.createFrom().item(false);
        }
        String credentialId = WebAuthnCeremonies.credentialId(credential);
        return passkeys.findByCredentialId(credentialId).chain(passkey -> {
            if (passkey == null || !passkey.userId().equals(userId)) {
                return Uni.createFrom().item(false);
            }
            return ceremonies
                    .verifyAssertion(credential, challenge, passkey)
                    .chain(signCount -> passkeys.acceptSignCount(credentialId, signCount, now()))
                    .onFailure(PasskeyRefusedException.class)
                    .recoverWithItem(false);
        });
    }

    private Uni<?> execute(
            UserCommand command,
            Instant now,
            RequestOrigin origin,
            BiFunction<
                            io.vertx.mutiny.sqlclient.SqlConnection,
                            io.keygate.eventstore.Decision<UserState, UserEvent>,
                            Uni<?>>
                    more) {
        return store.execute(
                User.DECIDER,
                command.userId(),
                command,
                origin.metadata(now, command.userId()),
                (tx, decision) ->
                        users.upsert(tx, decision.state(), decision.version()).chain(() -> more.apply(tx, decision)));
    }

    private static boolean isDuplicate(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static IdentityRejectedException malformed() {
        return new IdentityRejectedException(new IdentityRejection.InvalidField(
                "credential", "a PublicKeyCredential as JSON: id, rawId, response and type public-key"));
    }

    private static IdentityRejectedException conflict(String detail) {
        return new IdentityRejectedException(new IdentityRejection.Conflict(detail));
    }

    private static IdentityRejectedException notFound(String passkeyId) {
        return new IdentityRejectedException(new IdentityRejection.NotFound("Passkey " + passkeyId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
