package io.keygate.token.identity.mfa;

import io.keygate.access.mfa.Totp;
import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.OneTimeTokens;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.store.UserCredentialStore;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.User;
import io.keygate.token.identity.user.UserCommand;
import io.keygate.token.identity.user.UserCommand.EnrolMfa;
import io.keygate.token.identity.user.UserCommand.RegenerateRecoveryCodes;
import io.keygate.token.identity.user.UserCommand.UseRecoveryCode;
import io.keygate.token.oauth.config.OAuthConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * TOTP and recovery codes: enrolment (a secret kept sealed until a code confirms it), verification (each code once),
 * recovery codes (10, single use, regenerated with a current code). Each change is a user event.
 */
@ApplicationScoped
public class MfaService {

    private final EventStore store;
    private final UserProjection users;
    private final UserCredentialStore credentials;
    private final IdentityConfig config;
    private final OneTimeTokens tokens;
    private final SecretSealer sealer;
    private final Totp totp = new Totp(Clock.systemUTC());
    private final Clock clock = Clock.systemUTC();

    MfaService(
            EventStore store,
            UserProjection users,
            UserCredentialStore credentials,
            IdentityConfig config,
            TokenServiceConfig tokenConfig,
            OAuthConfig oauth) {
        this.store = store;
        this.users = users;
        this.credentials = credentials;
        this.config = config;
        this.tokens = new OneTimeTokens(tokenConfig.pepper());
        // The signing keys' sealing key, with associated data that keeps TOTP secrets apart from them.
        this.sealer = new SecretSealer(oauth.signingKeys().encryptionKey());
    }

    /**
     * What an enrolment shows the user once: the secret (base32), the {@code otpauth://} URI and its QR code.
     *
     * @param secret     base32 secret to type into an app
     * @param otpauthUri the key URI
     * @param qrCode     {@code data:image/svg+xml;base64,…}
     */
    public record EnrolmentStart(String secret, String otpauthUri, String qrCode) {

        @Override
        public String toString() {
            return "EnrolmentStart[***]";
        }
    }

    /** Starts (or restarts) a TOTP enrolment of an active user: a new secret, kept until a code confirms it. */
    public Uni<EnrolmentStart> startEnrolment(UserState user) {
        requireActive(user);
        TotpEnrolment enrolment = TotpEnrolment.generate(config.totpIssuer(), user.email());
        return credentials
                .setPendingTotp(user.userId(), sealer.seal(user.userId(), enrolment.secret()))
                .replaceWith(new EnrolmentStart(
                        enrolment.base32(), enrolment.otpauthUri(), QrCodes.svgDataUri(enrolment.otpauthUri())));
    }

    /**
     * Confirms the enrolment with a code of the new secret: the secret becomes the user's, and 10 new recovery codes
     * replace any old ones; returns the codes (shown once). A wrong code is refused naming {@code field}.
     */
    public Uni<List<String>> confirmEnrolment(UserState user, String code, String field, RequestOrigin origin) {
        requireActive(user);
        return credentials.find(user.userId()).chain(stored -> {
            if (stored == null || stored.totpPendingSecret() == null) {
                return Uni.createFrom()
                        .failure(new IdentityRejectedException(
                                new IdentityRejection.Conflict("No TOTP enrolment was started")));
            }
            byte[] secret = sealer.open(user.userId(), stored.totpPendingSecret());
            OptionalLong step = totp.verify(secret, code, Long.MIN_VALUE);
            if (step.isEmpty()) {
                return Uni.createFrom().failure(invalidCode(field));
            }
            List<String> codes = RecoveryCodes.generate();
            Instant now = now();
            return execute(
                            new EnrolMfa(user.userId(), codes.size(), now),
                            now,
                            origin,
                            (tx, decision) -> credentials
                                    .confirmTotp(tx, user.userId(), step.getAsLong())
                                    .chain(() -> credentials.replaceRecoveryCodes(tx, user.userId(), hashes(codes))))
                    .replaceWith(codes);
        });
    }

    /** Whether the code is a valid TOTP code of the user not used before (it is then used up). */
    public Uni<Boolean> verifyTotp(String userId, String code) {
        return credentials.find(userId).chain(stored -> {
            if (stored == null || stored.totpSecret() == null) {
                return Uni.createFrom().item(false);
            }
            byte[] secret = sealer.open(userId, stored.totpSecret());
            long last = stored.totpLastStep() == null ? Long.MIN_VALUE : stored.totpLastStep();
            OptionalLong step = totp.verify(secret, code, last);
            return step.isEmpty() ? Uni.createFrom().item(false) : credentials.acceptTotpStep(userId, step.getAsLong());
        });
    }

    /** Uses up a recovery code of the user: true if it was an unused one (a user event says so). */
    public Uni<Boolean> useRecoveryCode(UserState user, String typed, RequestOrigin origin) {
        String code = RecoveryCodes.normalise(typed);
        if (code == null) {
            return Uni.createFrom().item(false);
        }
        Instant now = now();
        ReadModelWriter<UserState, UserEvent> writer = ReadModelWriter.checked(
                (tx, decision) -> credentials
                        .useRecoveryCode(tx, user.userId(), tokens.hash(code))
                        .invoke(left -> {
                            if (left < 0) {
                                throw new NotAValidCode();
                            }
                        }),
                (tx, decision) -> users.upsert(tx, decision.state(), decision.version()));
        return store.execute(
                        User.DECIDER,
                        user.userId(),
                        new UseRecoveryCode(user.userId(), now),
                        origin.metadata(now, user.userId()),
                        writer)
                .replaceWith(true)
                .onFailure(NotAValidCode.class)
                .recoverWithItem(false);
    }

    /** Replaces the recovery codes after checking a current TOTP code; returns the new codes (shown once). */
    public Uni<List<String>> regenerateRecoveryCodes(UserState user, String code, RequestOrigin origin) {
        requireActive(user);
        return verifyTotp(user.userId(), code).chain(valid -> {
            if (!valid) {
                return Uni.createFrom().failure(invalidCode("code"));
            }
            List<String> codes = RecoveryCodes.generate();
            Instant now = now();
            return execute(
                            new RegenerateRecoveryCodes(user.userId(), codes.size(), now),
                            now,
                            origin,
                            (tx, decision) -> credentials.replaceRecoveryCodes(tx, user.userId(), hashes(codes)))
                    .replaceWith(codes);
        });
    }

    private Uni<Decision<UserState, UserEvent>> execute(
            UserCommand command,
            Instant now,
            RequestOrigin origin,
            BiFunction<io.vertx.mutiny.sqlclient.SqlConnection, Decision<UserState, UserEvent>, Uni<?>> more) {
        return store.execute(
                User.DECIDER,
                command.userId(),
                command,
                origin.metadata(now, command.userId()),
                (tx, decision) ->
                        users.upsert(tx, decision.state(), decision.version()).chain(() -> more.apply(tx, decision)));
    }

    private List<String> hashes(List<String> codes) {
        return codes.stream().map(c -> tokens.hash(RecoveryCodes.normalise(c))).toList();
    }

    private static void requireActive(UserState user) {
        if (user == null || user.status() != UserStatus.ACTIVE) {
            throw new IdentityRejectedException(new IdentityRejection.Conflict("The user is not active"));
        }
    }

    private static IdentityRejectedException invalidCode(String field) {
        return new IdentityRejectedException(
                new IdentityRejection.InvalidField(field, "not a valid code (wrong, expired or already used)"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The recovery code was not an unused code of the user: rolls the transaction back. */
    private static final class NotAValidCode extends RuntimeException {
        NotAValidCode() {
            super("not a valid recovery code", null, false, false);
        }
    }
}
