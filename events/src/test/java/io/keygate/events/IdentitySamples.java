package io.keygate.events;

import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.events.identity.LoginMethod;
import io.keygate.events.identity.LoginStep;
import io.keygate.events.identity.LoginSucceeded;
import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.events.identity.SessionRefreshed;
import io.keygate.events.identity.SessionStarted;
import io.keygate.events.identity.SessionState;
import io.keygate.events.identity.SessionStatus;
import io.keygate.events.identity.TenantCreated;
import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.TenantState;
import io.keygate.events.identity.UserActivated;
import io.keygate.events.identity.UserActivation;
import io.keygate.events.identity.UserDeleted;
import io.keygate.events.identity.UserDisabled;
import io.keygate.events.identity.UserEnabled;
import io.keygate.events.identity.UserInvited;
import io.keygate.events.identity.UserMfaEnrolled;
import io.keygate.events.identity.UserPasskeyRegistered;
import io.keygate.events.identity.UserPasskeyRemoved;
import io.keygate.events.identity.UserPasswordChanged;
import io.keygate.events.identity.UserRecoveryCodeUsed;
import io.keygate.events.identity.UserRecoveryCodesRegenerated;
import io.keygate.events.identity.UserRolesChanged;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Samples of the identity events (tenants, users, sessions, login attempts) for {@link SampleEvents}. */
final class IdentitySamples {

    static final String USER = "usr_0123456789abcdef0123456789abcdef";
    static final String SESSION = "ses_0123456789abcdef0123456789abcdef";
    static final String ATTEMPT = "login_0123456789abcdef0123456789abcdef";
    static final String PASSKEY = "pk_0123456789abcdef0123456789abcdef";

    private IdentitySamples() {}

    static Map<EventType, List<KeygateEvent>> all(Instant t0) {
        UserState invited = new UserState(
                USER,
                "acme",
                "dev@example.com",
                null,
                List.of(TenantRole.DEVELOPER),
                false,
                UserStatus.INVITED,
                false,
                false,
                0,
                0,
                t0,
                t0,
                t0.plusSeconds(72 * 3600));
        UserState active = user(invited, UserStatus.ACTIVE, List.of(TenantRole.ADMIN, TenantRole.AUDITOR), 10);
        UserState admin = new UserState(
                USER,
                null,
                "admin@keygate.local",
                "Admin",
                List.of(),
                true,
                UserStatus.ACTIVE,
                true,
                false,
                0,
                0,
                t0,
                t0,
                null);
        SessionState session = new SessionState(
                SESSION,
                USER,
                "acme",
                List.of(TenantRole.ADMIN),
                false,
                SessionStatus.ACTIVE,
                t0,
                t0.plusSeconds(12 * 3600),
                t0,
                t0.plusSeconds(300),
                null,
                null);
        SessionState platformSession = new SessionState(
                SESSION,
                USER,
                null,
                List.of(),
                true,
                SessionStatus.ACTIVE,
                t0,
                t0.plusSeconds(12 * 3600),
                t0,
                t0.plusSeconds(300),
                null,
                null);
        SessionState ended = new SessionState(
                SESSION,
                USER,
                "acme",
                List.of(TenantRole.ADMIN),
                false,
                SessionStatus.ENDED,
                t0,
                t0.plusSeconds(12 * 3600),
                t0,
                t0.plusSeconds(300),
                t0.plusSeconds(60),
                SessionEndReason.USER_DISABLED);
        Map<EventType, List<KeygateEvent>> all = new HashMap<>();
        all.put(EventType.TENANT_CREATED, List.of(new TenantCreated(new TenantState("acme", "Acme Corporation", t0))));
        all.put(EventType.USER_INVITED, List.of(new UserInvited(invited, "user:" + USER)));
        all.put(
                EventType.USER_ACTIVATED,
                List.of(
                        new UserActivated(active, UserActivation.INVITATION),
                        new UserActivated(admin, UserActivation.BOOTSTRAP)));
        all.put(EventType.USER_ROLES_CHANGED, List.of(new UserRolesChanged(active, List.of(TenantRole.VIEWER))));
        all.put(
                EventType.USER_DISABLED,
                List.of(new UserDisabled(user(active, UserStatus.DISABLED, active.roles(), 10))));
        all.put(EventType.USER_ENABLED, List.of(new UserEnabled(active)));
        all.put(EventType.USER_DELETED, List.of(new UserDeleted(user(active, UserStatus.DELETED, active.roles(), 10))));
        all.put(EventType.USER_PASSWORD_CHANGED, List.of(new UserPasswordChanged(active)));
        all.put(EventType.USER_MFA_ENROLLED, List.of(new UserMfaEnrolled(active)));
        all.put(EventType.USER_RECOVERY_CODES_REGENERATED, List.of(new UserRecoveryCodesRegenerated(active)));
        all.put(
                EventType.USER_RECOVERY_CODE_USED,
                List.of(new UserRecoveryCodeUsed(user(active, UserStatus.ACTIVE, active.roles(), 9))));
        UserState withPasskey = new UserState(
                active.userId(),
                active.tenantId(),
                active.email(),
                active.displayName(),
                active.roles(),
                active.platformAdmin(),
                active.status(),
                false,
                false,
                0,
                1,
                active.createdAt(),
                active.updatedAt().plusSeconds(60),
                null);
        all.put(
                EventType.USER_PASSKEY_REGISTERED,
                List.of(new UserPasskeyRegistered(withPasskey, PASSKEY, "YubiKey 5C")));
        all.put(EventType.USER_PASSKEY_REMOVED, List.of(new UserPasskeyRemoved(active, PASSKEY)));
        all.put(EventType.SESSION_STARTED, List.of(new SessionStarted(session), new SessionStarted(platformSession)));
        all.put(EventType.SESSION_REFRESHED, List.of(new SessionRefreshed(session)));
        all.put(
                EventType.SESSION_ENDED,
                List.of(new SessionEnded(ended, SessionEndReason.USER_DISABLED, t0.plusSeconds(300))));
        all.put(
                EventType.LOGIN_SUCCEEDED,
                List.of(
                        new LoginSucceeded(ATTEMPT, USER, "acme", SESSION, LoginMethod.PASSWORD_AND_TOTP, t0),
                        new LoginSucceeded(ATTEMPT, USER, null, SESSION, LoginMethod.PASSWORD, t0),
                        new LoginSucceeded(ATTEMPT, USER, "acme", SESSION, LoginMethod.PASSWORD_AND_PASSKEY, t0)));
        all.put(
                EventType.LOGIN_FAILED,
                List.of(
                        new LoginFailed(
                                ATTEMPT,
                                USER,
                                "acme",
                                "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c",
                                LoginStep.PASSWORD,
                                LoginFailureReason.BAD_PASSWORD,
                                t0.plusSeconds(60),
                                t0),
                        new LoginFailed(
                                ATTEMPT,
                                null,
                                null,
                                "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c",
                                LoginStep.PASSWORD,
                                LoginFailureReason.UNKNOWN_USER,
                                null,
                                t0)));
        return all;
    }

    private static UserState user(UserState base, UserStatus status, List<TenantRole> roles, int recoveryCodes) {
        return new UserState(
                base.userId(),
                base.tenantId(),
                base.email(),
                "Dana Developer",
                roles,
                false,
                status,
                false,
                true,
                recoveryCodes,
                base.passkeys(),
                base.createdAt(),
                base.updatedAt().plusSeconds(60),
                null);
    }
}
