package io.keygate.token.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keygate.events.identity.LoginStep;
import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.TenantState;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.token.identity.login.LoginOutcome;
import io.keygate.token.identity.mfa.MfaService;
import io.keygate.token.identity.passkey.Passkey;
import java.time.Instant;
import java.util.List;

/** The JSON the identity endpoints answer. Secrets in them are shown once and sent with {@code no-store}. */
public final class IdentityViews {

    private IdentityViews() {}

    /** A tenant. */
    public record TenantView(String id, String name, Instant createdAt) {
        static TenantView of(TenantState tenant) {
            return new TenantView(tenant.tenantId(), tenant.name(), tenant.createdAt());
        }
    }

    /** A user (never a secret). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(
            String id,
            String tenantId,
            String email,
            String displayName,
            List<TenantRole> roles,
            boolean platformAdmin,
            UserStatus status,
            boolean passwordChangeRequired,
            boolean mfaEnrolled,
            boolean totpEnrolled,
            int passkeys,
            int recoveryCodesRemaining,
            Instant createdAt,
            Instant updatedAt,
            Instant invitationExpiresAt) {
        static UserView of(UserState user) {
            return new UserView(
                    user.userId(),
                    user.tenantId(),
                    user.email(),
                    user.displayName(),
                    user.roles(),
                    user.platformAdmin(),
                    user.status(),
                    user.passwordChangeRequired(),
                    user.secondFactorEnrolled(),
                    user.mfaEnrolled(),
                    user.passkeys(),
                    user.recoveryCodesRemaining(),
                    user.createdAt(),
                    user.updatedAt(),
                    user.invitationExpiresAt());
        }
    }

    /** The caller ({@code GET /auth/me}). */
    public record MeView(UserView user, String sessionId) {}

    /** A new invitation: the token is shown this once. */
    public record InvitationView(String userId, String email, String invitationToken, Instant expiresAt) {}

    /** Either a session or the next step of a login. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoginView(
            String accessToken,
            String refreshToken,
            String tokenType,
            Long expiresIn,
            List<String> recoveryCodes,
            LoginStep step,
            String challengeToken,
            List<String> methods) {

        static LoginView of(LoginOutcome outcome) {
            if (outcome instanceof LoginOutcome.SessionGranted granted) {
                return new LoginView(
                        granted.session().accessToken(),
                        granted.session().refreshToken(),
                        "Bearer",
                        granted.session().expiresIn(),
                        granted.recoveryCodes().isEmpty() ? null : granted.recoveryCodes(),
                        null,
                        null,
                        null);
            }
            LoginOutcome.NextStep next = (LoginOutcome.NextStep) outcome;
            return new LoginView(
                    null,
                    null,
                    null,
                    next.expiresIn(),
                    null,
                    next.step(),
                    next.challengeToken(),
                    next.methods().isEmpty() ? null : next.methods());
        }
    }

    /** A TOTP enrolment to scan or type: the secret is shown this once. */
    public record EnrolmentView(String secret, String otpauthUri, String qrCode) {
        static EnrolmentView of(MfaService.EnrolmentStart start) {
            return new EnrolmentView(start.secret(), start.otpauthUri(), start.qrCode());
        }
    }

    /** A passkey: its id, name and dates, never its credential id or key. */
    public record PasskeyView(String id, String name, Instant createdAt, Instant lastUsedAt) {
        static PasskeyView of(Passkey passkey) {
            return new PasskeyView(passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt());
        }
    }

    /** New recovery codes, shown this once. */
    public record RecoveryCodesView(List<String> recoveryCodes) {}
}
