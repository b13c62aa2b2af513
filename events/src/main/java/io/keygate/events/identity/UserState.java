package io.keygate.events.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Full state of a dashboard user, carried by every user event. Never a password, its hash, a TOTP secret, a
 * recovery code or an invitation token: those stay in the token-service's database.
 *
 * @param userId                 {@code usr_} + 32 hex digits
 * @param tenantId               the one tenant the user belongs to; null for a platform admin without a tenant
 * @param email                  unique platform-wide (compared without case), stored lower-cased
 * @param displayName            chosen when the invitation is accepted; null before
 * @param roles                  roles in the tenant (empty for a platform admin without a tenant)
 * @param platformAdmin          whether the user administers the platform (creates tenants)
 * @param status                 lifecycle
 * @param passwordChangeRequired the next login must set a new password (the bootstrap admin's one-time password)
 * @param mfaEnrolled            a TOTP authenticator is enrolled, so logins need a code
 * @param recoveryCodesRemaining unused recovery codes
 * @param passkeys               registered passkeys (WebAuthn credentials); any one is a second factor like TOTP.
 *                               Absent (0) in events written before passkeys existed
 * @param createdAt              when the user was invited (or bootstrapped)
 * @param updatedAt              when the user last changed
 * @param invitationExpiresAt    until when the invitation can be accepted; null once accepted
 */
public record UserState(
        String userId,
        String tenantId,
        String email,
        String displayName,
        List<TenantRole> roles,
        boolean platformAdmin,
        UserStatus status,
        boolean passwordChangeRequired,
        boolean mfaEnrolled,
        int recoveryCodesRemaining,
        int passkeys,
        Instant createdAt,
        Instant updatedAt,
        Instant invitationExpiresAt) {

    public UserState {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether logins need a second factor: a TOTP authenticator or at least one passkey is enrolled. */
    public boolean secondFactorEnrolled() {
        return mfaEnrolled || passkeys > 0;
    }
}
