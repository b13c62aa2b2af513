package io.keygate.token.identity.login;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.events.identity.LoginMethod;
import io.keygate.events.identity.LoginStep;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.OneTimeTokens;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.login.LoginOutcome.NextStep;
import io.keygate.token.identity.login.LoginOutcome.SessionGranted;
import io.keygate.token.identity.mfa.MfaService;
import io.keygate.token.identity.passkey.PasskeyService;
import io.keygate.token.identity.passkey.WebAuthnCeremonies;
import io.keygate.token.identity.session.SessionService;
import io.keygate.token.identity.store.LoginChallengeStore;
import io.keygate.token.identity.store.LoginChallengeStore.Challenge;
import io.keygate.token.identity.store.UserCredentialStore;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.UserService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The login flow: password, then whatever the account still needs (a forced password change, TOTP enrolment, an MFA
 * code), each step continued with a single-use challenge token, ending in a session. Every failure answers the same
 * 401, counts toward the lockout of the account name and the client address, and is recorded as an event.
 */
@ApplicationScoped
public class LoginService {

    /** The user id looked up for an unknown address, so both paths make the same queries. */
    private static final String NO_USER = "usr_none";

    private final UserProjection users;
    private final UserCredentialStore credentials;
    private final UserService userService;
    private final MfaService mfa;
    private final PasskeyService passkeys;
    private final WebAuthnCeremonies webAuthn;
    private final SessionService sessions;
    private final LoginChallengeStore challenges;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final IdentityConfig config;
    private final OneTimeTokens tokens;
    private final Clock clock = Clock.systemUTC();

    LoginService(
            UserProjection users,
            UserCredentialStore credentials,
            UserService userService,
            MfaService mfa,
            PasskeyService passkeys,
            WebAuthnCeremonies webAuthn,
            SessionService sessions,
            LoginChallengeStore challenges,
            LoginThrottle throttle,
            LoginAudit audit,
            IdentityConfig config,
            TokenServiceConfig tokenConfig) {
        this.users = users;
        this.credentials = credentials;
        this.userService = userService;
        this.mfa = mfa;
        this.passkeys = passkeys;
        this.webAuthn = webAuthn;
        this.sessions = sessions;
        this.challenges = challenges;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
        this.tokens = new OneTimeTokens(tokenConfig.pepper());
    }

    /** Step 1: e-mail address and password. */
    public Uni<LoginOutcome> login(String email, String password, RequestOrigin origin) {
        String accountHash = tokens.hash(UserService.normalise(email));
        Instant now = clock.instant();
        return throttle.lockRemaining(accountHash, origin.clientIp(), now).chain(locked -> {
            if (locked != null) {
                return users.findByEmail(UserService.normalise(email))
                        .chain(user -> audit.failed(
                                user,
                                accountHash,
                                LoginStep.PASSWORD,
                                LoginFailureReason.LOCKED,
                                now.plus(locked),
                                origin))
                        .chain(() -> Uni.createFrom().failure(authenticationFailed(locked)));
            }
            return users.findByEmail(UserService.normalise(email))
                    .chain(user -> credentials
                            .find(user == null ? NO_USER : user.userId())
                            .chain(stored ->
                                    userService.verify(stored == null ? null : stored.passwordHash(), password))
                            .chain(matches -> {
                                if (user == null || !matches || user.status() != UserStatus.ACTIVE) {
                                    LoginFailureReason reason = user == null
                                            ? LoginFailureReason.UNKNOWN_USER
                                            : !matches
                                                    ? LoginFailureReason.BAD_PASSWORD
                                                    : LoginFailureReason.USER_INACTIVE;
                                    return fail(user, accountHash, LoginStep.PASSWORD, reason, origin);
                                }
                                return throttle.recordSuccess(accountHash)
                                        .chain(() -> next(user, LoginMethod.PASSWORD, origin));
                            }));
        });
    }

    /** The MFA step: a TOTP code or a recovery code. */
    public Uni<LoginOutcome> completeMfa(
            String challengeToken, String code, String recoveryCode, RequestOrigin origin) {
        return challenge(challengeToken, LoginStep.MFA).chain(user -> {
            Uni<Boolean> valid = code != null
                    ? mfa.verifyTotp(user.userId(), code)
                    : mfa.useRecoveryCode(user, recoveryCode, origin);
            LoginMethod method = code != null ? LoginMethod.PASSWORD_AND_TOTP : LoginMethod.PASSWORD_AND_RECOVERY_CODE;
            return valid.chain(ok -> ok
                    ? completeChallenge(challengeToken).chain(() -> grant(user, method, List.of(), origin))
                    : fail(user, accountHash(user), LoginStep.MFA, LoginFailureReason.BAD_CODE, origin));
        });
    }

    /**
     * The MFA step with a passkey, first part: assertion options (JSON) allowing the user's passkeys, with a new WebAuthn
     * challenge kept with the login challenge (replacing an earlier one).
     */
    public Uni<String> passkeyOptions(String challengeToken) {
        String webAuthnChallenge = webAuthn.newChallenge();
        return challenge(challengeToken, LoginStep.MFA)
                .chain(user -> passkeys.assertionOptions(user.userId(), webAuthnChallenge))
                .call(options -> challenges
                        .setWebAuthnChallenge(tokens.hash(challengeToken), webAuthnChallenge, clock.instant())
                        .invoke(live -> {
                            if (!live) {
                                throw invalidChallenge();
                            }
                        }));
    }

    /**
     * The MFA step with a passkey, second part: an assertion answering the latest options completes the login. The
     * WebAuthn challenge is used up by this try whatever its outcome; a failure counts toward the lockout like a wrong
     * TOTP code.
     */
    public Uni<LoginOutcome> completePasskey(String challengeToken, ObjectNode credential, RequestOrigin origin) {
        if (!WebAuthnCeremonies.isWellFormed(credential)) {
            return Uni.createFrom()
                    .failure(new IdentityRejectedException(new IdentityRejection.InvalidField(
                            "credential", "a PublicKeyCredential as JSON: id, rawId, response and type public-key")));
        }
        if (!OneTimeTokens.looksLike(challengeToken, OneTimeTokens.CHALLENGE)) {
            return Uni.createFrom().failure(invalidChallenge());
        }
        return challenges
                .attemptPasskey(tokens.hash(challengeToken), LoginStep.MFA, clock.instant())
                .chain(attempt -> attempt == null
                        ? Uni.createFrom().<UserState>nullItem()
                        : activeUser(new Challenge(attempt.userId(), LoginStep.MFA))
                                .call(user -> user == null
                                        ? Uni.createFrom().voidItem()
                                        : requirePasskey(user, credential, attempt.webAuthnChallenge(), origin)))
                .onItem()
                .ifNull()
                .failWith(LoginService::invalidChallenge)
                .chain(user -> completeChallenge(challengeToken)
                        .chain(() -> grant(user, LoginMethod.PASSWORD_AND_PASSKEY, List.of(), origin)));
    }

    /** Succeeds if the assertion is valid for the user; else the failure of a wrong second factor. */
    private Uni<Void> requirePasskey(
            UserState user, ObjectNode credential, String webAuthnChallenge, RequestOrigin origin) {
        return passkeys.verifyAssertion(user.userId(), credential, webAuthnChallenge)
                .chain(valid -> valid
                        ? Uni.createFrom().voidItem()
                        : fail(user, accountHash(user), LoginStep.MFA, LoginFailureReason.BAD_PASSKEY, origin));
    }

    /** The forced password change (the first admin's one-time password). */
    public Uni<LoginOutcome> completePasswordChange(String challengeToken, String newPassword, RequestOrigin origin) {
        return challenge(challengeToken, LoginStep.PASSWORD_CHANGE).chain(user -> {
            try {
                userService.requireAcceptable(newPassword, user.email(), "newPassword");
            } catch (IdentityRejectedException refused) {
                return audit.failed(
                                user,
                                accountHash(user),
                                LoginStep.PASSWORD_CHANGE,
                                LoginFailureReason.PASSWORD_REFUSED,
                                null,
                                origin)
                        .chain(() -> Uni.createFrom().failure(refused));
            }
            return userService.isCurrentPassword(user.userId(), newPassword).chain(same -> {
                if (same) {
                    return Uni.createFrom()
                            .failure(new IdentityRejectedException(new IdentityRejection.InvalidField(
                                    "newPassword", "must differ from the current password")));
                }
                return completeChallenge(challengeToken)
                        .chain(() -> userService.setPassword(user, newPassword, "newPassword", null, origin))
                        .chain(changed -> next(changed, LoginMethod.PASSWORD, origin));
            });
        });
    }

    /** TOTP enrolment during login, first part: a new secret to scan. */
    public Uni<MfaService.EnrolmentStart> startEnrolment(String challengeToken) {
        return challenge(challengeToken, LoginStep.MFA_ENROLMENT).chain(mfa::startEnrolment);
    }

    /** TOTP enrolment during login, second part: a code of the new secret confirms it and completes the login. */
    public Uni<LoginOutcome> confirmEnrolment(String challengeToken, String code, RequestOrigin origin) {
        return challenge(challengeToken, LoginStep.MFA_ENROLMENT)
                .chain(user -> mfa.confirmEnrolment(user, code, "code", origin)
                        .onFailure(IdentityRejectedException.class)
                        .call(failure -> audit.failed(
                                user,
                                accountHash(user),
                                LoginStep.MFA_ENROLMENT,
                                LoginFailureReason.BAD_CODE,
                                null,
                                origin))
                        .chain(codes -> completeChallenge(challengeToken)
                                .chain(() -> users.find(user.userId()))
                                .chain(enrolled ->
                                        grant(enrolled, LoginMethod.PASSWORD_AND_TOTP_ENROLMENT, codes, origin))));
    }

    /** What the user needs after the password (or after a forced change). */
    private Uni<LoginOutcome> next(UserState user, LoginMethod method, RequestOrigin origin) {
        if (user.passwordChangeRequired()) {
            return newChallenge(user, LoginStep.PASSWORD_CHANGE);
        }
        if (user.secondFactorEnrolled()) {
            return newChallenge(user, LoginStep.MFA);
        }
        if (config.mfaRequired()) {
            return newChallenge(user, LoginStep.MFA_ENROLMENT);
        }
        return grant(user, method, List.of(), origin);
    }

    private Uni<LoginOutcome> grant(UserState user, LoginMethod method, List<String> codes, RequestOrigin origin) {
        return sessions.start(user, origin)
                .call(session -> audit.succeeded(user, session.sessionId(), method, origin))
                .map(session -> new SessionGranted(session, codes));
    }

    private Uni<LoginOutcome> newChallenge(UserState user, LoginStep step) {
        String token = OneTimeTokens.newToken(OneTimeTokens.CHALLENGE);
        Duration lifetime = config.challengeLifetime();
        return challenges
                .add(tokens.hash(token), user.userId(), step, clock.instant().plus(lifetime))
                .replaceWith(new NextStep(step, token, lifetime.toSeconds(), LoginOutcome.mfaMethods(user, step)));
    }

    /** The active user a live challenge for {@code step} belongs to (counting a try), refused if locked. */
    private Uni<UserState> challenge(String challengeToken, LoginStep step) {
        if (!OneTimeTokens.looksLike(challengeToken, OneTimeTokens.CHALLENGE)) {
            return Uni.createFrom().failure(invalidChallenge());
        }
        return challenges
                .attempt(tokens.hash(challengeToken), step, clock.instant())
                .chain(found -> found == null ? Uni.createFrom().<UserState>nullItem() : activeUser(found))
                .onItem()
                .ifNull()
                .failWith(LoginService::invalidChallenge);
    }

    private Uni<UserState> activeUser(Challenge challenge) {
        return users.find(challenge.userId())
                .map(user -> user != null && user.status() == UserStatus.ACTIVE ? user : null);
    }

    private Uni<Void> completeChallenge(String challengeToken) {
        return challenges
                .complete(tokens.hash(challengeToken))
                .invoke(completed -> {
                    if (!completed) {
                        throw invalidChallenge();
                    }
                })
                .replaceWithVoid();
    }

    private <T> Uni<T> fail(
            UserState user, String accountHash, LoginStep step, LoginFailureReason reason, RequestOrigin origin) {
        Instant now = clock.instant();
        return throttle.recordFailure(accountHash, origin.clientIp(), now)
                .call(lockedUntil -> audit.failed(user, accountHash, step, reason, lockedUntil, origin))
                .chain(lockedUntil ->
                        Uni.createFrom().<T>failure(authenticationFailed(LoginThrottle.remaining(lockedUntil, now))));
    }

    private String accountHash(UserState user) {
        return tokens.hash(user.email());
    }

    private static IdentityRejectedException authenticationFailed(Duration retryAfter) {
        return new IdentityRejectedException(new IdentityRejection.AuthenticationFailed(retryAfter));
    }

    private static IdentityRejectedException invalidChallenge() {
        return new IdentityRejectedException(new IdentityRejection.InvalidToken("challengeToken"));
    }
}
