package io.keygate.token.identity.user;

import io.keygate.events.identity.TenantRole;
import java.time.Instant;
import java.util.List;

/** Commands on the user aggregate. */
public sealed interface UserCommand {

    /** The user the command is about. */
    String userId();

    /** Invite a user to a tenant (or, with no tenant, as a platform admin). */
    record InviteUser(
            String userId,
            String tenantId,
            String email,
            List<TenantRole> roles,
            boolean platformAdmin,
            String invitedBy,
            Instant invitationExpiresAt,
            Instant at)
            implements UserCommand {}

    /** Create the platform's first admin, active with a one-time password that the first login must change. */
    record BootstrapAdmin(String userId, String email, Instant at) implements UserCommand {}

    /** Accept the invitation (its token was checked by the caller) with a display name. */
    record AcceptInvitation(String userId, String displayName, Instant at) implements UserCommand {}

    /** Replace the user's roles in the tenant. */
    record ChangeRoles(String userId, String tenantId, List<TenantRole> roles, Instant at) implements UserCommand {}

    /** Disable an active user (idempotent). */
    record DisableUser(String userId, String tenantId, Instant at) implements UserCommand {}

    /** Enable a disabled user (idempotent). */
    record EnableUser(String userId, String tenantId, Instant at) implements UserCommand {}

    /** Delete a user for good (idempotent). */
    record DeleteUser(String userId, String tenantId, Instant at) implements UserCommand {}

    /** The user set a new password (checked by the caller against the policy and the current one). */
    record ChangePassword(String userId, Instant at) implements UserCommand {}

    /** The user confirmed a TOTP authenticator and got {@code recoveryCodes} new recovery codes. */
    record EnrolMfa(String userId, int recoveryCodes, Instant at) implements UserCommand {}

    /** The user replaced the recovery codes by {@code recoveryCodes} new ones. */
    record RegenerateRecoveryCodes(String userId, int recoveryCodes, Instant at) implements UserCommand {}

    /** A recovery code was used up (the caller deleted its hash in the same transaction). */
    record UseRecoveryCode(String userId, Instant at) implements UserCommand {}

    /**
     * The user registered a passkey (its attestation was verified by the caller, who stores the credential in the same
     * transaction).
     */
    record RegisterPasskey(String userId, String passkeyId, String name, Instant at) implements UserCommand {}

    /** The user removed one of their passkeys (the caller deletes the credential in the same transaction). */
    record RemovePasskey(String userId, String passkeyId, Instant at) implements UserCommand {}
}
