package io.keygate.token.identity.user;

import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import java.time.Instant;
import java.util.List;

/** A changed copy of a {@link UserState}: only what changes is named. */
final class UserDraft {

    private final UserState from;
    private String displayName;
    private List<TenantRole> roles;
    private UserStatus status;
    private boolean passwordChangeRequired;
    private boolean mfaEnrolled;
    private int recoveryCodesRemaining;
    private int passkeys;
    private Instant invitationExpiresAt;

    private UserDraft(UserState from) {
        this.from = from;
        this.displayName = from.displayName();
        this.roles = from.roles();
        this.status = from.status();
        this.passwordChangeRequired = from.passwordChangeRequired();
        this.mfaEnrolled = from.mfaEnrolled();
        this.recoveryCodesRemaining = from.recoveryCodesRemaining();
        this.passkeys = from.passkeys();
        this.invitationExpiresAt = from.invitationExpiresAt();
    }

    static UserDraft of(UserState state) {
        return new UserDraft(state);
    }

    UserDraft displayName(String value) {
        displayName = value;
        return this;
    }

    UserDraft roles(List<TenantRole> value) {
        roles = value;
        return this;
    }

    UserDraft status(UserStatus value) {
        status = value;
        return this;
    }

    UserDraft passwordChangeRequired(boolean value) {
        passwordChangeRequired = value;
        return this;
    }

    UserDraft mfaEnrolled(boolean value) {
        mfaEnrolled = value;
        return this;
    }

    UserDraft recoveryCodesRemaining(int value) {
        recoveryCodesRemaining = value;
        return this;
    }

    UserDraft passkeys(int value) {
        passkeys = value;
        return this;
    }

    UserDraft invitationExpiresAt(Instant value) {
        invitationExpiresAt = value;
        return this;
    }

    UserState at(Instant updatedAt) {
        return new UserState(
                from.userId(),
                from.tenantId(),
                from.email(),
                displayName,
                roles,
                from.platformAdmin(),
                status,
                passwordChangeRequired,
                mfaEnrolled,
                recoveryCodesRemaining,
                passkeys,
                from.createdAt(),
                updatedAt,
                invitationExpiresAt);
    }
}
