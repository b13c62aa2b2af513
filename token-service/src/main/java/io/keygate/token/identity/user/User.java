package io.keygate.token.identity.user;

import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.UserActivated;
import io.keygate.events.identity.UserActivation;
import io.keygate.events.identity.UserDeleted;
import io.keygate.events.identity.UserDisabled;
import io.keygate.events.identity.UserEnabled;
import io.keygate.events.identity.UserEvent;
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
import io.keygate.eventstore.Decider;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.user.UserCommand.AcceptInvitation;
import io.keygate.token.identity.user.UserCommand.BootstrapAdmin;
import io.keygate.token.identity.user.UserCommand.ChangePassword;
import io.keygate.token.identity.user.UserCommand.ChangeRoles;
import io.keygate.token.identity.user.UserCommand.DeleteUser;
import io.keygate.token.identity.user.UserCommand.DisableUser;
import io.keygate.token.identity.user.UserCommand.EnableUser;
import io.keygate.token.identity.user.UserCommand.EnrolMfa;
import io.keygate.token.identity.user.UserCommand.InviteUser;
import io.keygate.token.identity.user.UserCommand.RegenerateRecoveryCodes;
import io.keygate.token.identity.user.UserCommand.RegisterPasskey;
import io.keygate.token.identity.user.UserCommand.RemovePasskey;
import io.keygate.token.identity.user.UserCommand.UseRecoveryCode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user aggregate: pure {@link #decide} and {@link #evolve}. Secrets (password hash, TOTP secret, recovery-code
 * and invitation hashes) are not part of it: the service checks them and writes them beside the events.
 */
public final class User {

    public static final String AGGREGATE_TYPE = "user";
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_PASSKEY_NAME = 64;

    public static final Decider<UserCommand, UserState, UserEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, User::decide, User::evolve);

    private User() {}

    /** The events a command produces from {@code state} (null if the user does not exist). */
    public static List<UserEvent> decide(UserCommand command, UserState state) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (command instanceof InviteUser invite) {
            return invite(invite, state);
        }
        if (command instanceof BootstrapAdmin bootstrap) {
            return bootstrap(bootstrap, state);
        }
        if (command instanceof AcceptInvitation accept) {
            return accept(accept, state);
        }
        if (command instanceof ChangeRoles change) {
            return changeRoles(change, state);
        }
        if (command instanceof DisableUser disable) {
            return disable(disable, state);
        }
        if (command instanceof EnableUser enable) {
            return enable(enable, state);
        }
        if (command instanceof DeleteUser delete) {
            return delete(delete, state);
        }
        return selfService(command, state);
    }

    /** The state after an event. */
    public static UserState evolve(UserState state, UserEvent event) {
        return event.user();
    }

    private static List<UserEvent> invite(InviteUser invite, UserState state) {
        if (state != null) {
            throw conflict("User " + invite.userId() + " already exists");
        }
        UserState invited = new UserState(
                invite.userId(),
                invite.tenantId(),
                invite.email(),
                null,
                sorted(invite.roles()),
                invite.platformAdmin(),
                UserStatus.INVITED,
                false,
                false,
                0,
                0,
                invite.at(),
                invite.at(),
                invite.invitationExpiresAt());
        return List.of(new UserInvited(invited, invite.invitedBy()));
    }

    private static List<UserEvent> bootstrap(BootstrapAdmin bootstrap, UserState state) {
        if (state != null) {
            throw conflict("User " + bootstrap.userId() + " already exists");
        }
        UserState admin = new UserState(
                bootstrap.userId(),
                null,
                bootstrap.email(),
                "Platform admin",
                List.of(),
                true,
                UserStatus.ACTIVE,
                true,
                false,
                0,
                0,
                bootstrap.at(),
                bootstrap.at(),
                null);
        return List.of(new UserActivated(admin, UserActivation.BOOTSTRAP));
    }

    private static List<UserEvent> accept(AcceptInvitation accept, UserState state) {
        if (state == null
                || state.status() != UserStatus.INVITED
                || !accept.at().isBefore(state.invitationExpiresAt())) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidToken("invitationToken"));
        }
        String name = accept.displayName() == null ? "" : accept.displayName().strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                    "displayName", "1 to " + MAX_DISPLAY_NAME + " characters without control characters"));
        }
        UserState active = UserDraft.of(state)
                .displayName(name)
                .status(UserStatus.ACTIVE)
                .invitationExpiresAt(null)
                .at(accept.at());
        return List.of(new UserActivated(active, UserActivation.INVITATION));
    }

    private static List<UserEvent> changeRoles(ChangeRoles change, UserState state) {
        existing(state, change.tenantId(), change.userId());
        List<TenantRole> roles = sorted(change.roles());
        if (roles.equals(state.roles())) {
            return List.of();
        }
        return List.of(new UserRolesChanged(UserDraft.of(state).roles(roles).at(change.at()), state.roles()));
    }

    private static List<UserEvent> disable(DisableUser disable, UserState state) {
        existing(state, disable.tenantId(), disable.userId());
        if (state.status() == UserStatus.DISABLED) {
            return List.of();
        }
        if (state.status() == UserStatus.INVITED) {
            throw conflict("User " + state.userId() + " has not accepted the invitation: delete it instead");
        }
        return List.of(
                new UserDisabled(UserDraft.of(state).status(UserStatus.DISABLED).at(disable.at())));
    }

    private static List<UserEvent> enable(EnableUser enable, UserState state) {
        existing(state, enable.tenantId(), enable.userId());
        if (state.status() == UserStatus.ACTIVE) {
            return List.of();
        }
        if (state.status() != UserStatus.DISABLED) {
            throw conflict("User " + state.userId() + " is not disabled");
        }
        return List.of(
                new UserEnabled(UserDraft.of(state).status(UserStatus.ACTIVE).at(enable.at())));
    }

    private static List<UserEvent> delete(DeleteUser delete, UserState state) {
        if (state != null && state.status() == UserStatus.DELETED) {
            return List.of();
        }
        existing(state, delete.tenantId(), delete.userId());
        return List.of(new UserDeleted(UserDraft.of(state)
                .status(UserStatus.DELETED)
                .invitationExpiresAt(null)
                .at(delete.at())));
    }

    private static List<UserEvent> selfService(UserCommand command, UserState state) {
        if (state == null || state.status() != UserStatus.ACTIVE) {
            throw conflict("User " + command.userId() + " is not active");
        }
        if (command instanceof ChangePassword change) {
            return List.of(new UserPasswordChanged(
                    UserDraft.of(state).passwordChangeRequired(false).at(change.at())));
        }
        if (command instanceof EnrolMfa enrol) {
            return List.of(new UserMfaEnrolled(UserDraft.of(state)
                    .mfaEnrolled(true)
                    .recoveryCodesRemaining(enrol.recoveryCodes())
                    .at(enrol.at())));
        }
        if (command instanceof RegenerateRecoveryCodes regenerate) {
            if (!state.mfaEnrolled()) {
                throw conflict("User " + state.userId() + " has no TOTP authenticator enrolled");
            }
            return List.of(new UserRecoveryCodesRegenerated(UserDraft.of(state)
                    .recoveryCodesRemaining(regenerate.recoveryCodes())
                    .at(regenerate.at())));
        }
        if (command instanceof RegisterPasskey register) {
            String name = register.name() == null ? "" : register.name().strip();
            if (name.isEmpty()
                    || name.length() > MAX_PASSKEY_NAME
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                        "name", "1 to " + MAX_PASSKEY_NAME + " characters without control characters"));
            }
            return List.of(new UserPasskeyRegistered(
                    UserDraft.of(state).passkeys(state.passkeys() + 1).at(register.at()), register.passkeyId(), name));
        }
        if (command instanceof RemovePasskey remove) {
            return List.of(new UserPasskeyRemoved(
                    UserDraft.of(state)
                            .passkeys(Math.max(0, state.passkeys() - 1))
                            .at(remove.at()),
                    remove.passkeyId()));
        }
        UseRecoveryCode use = (UseRecoveryCode) command;
        return List.of(new UserRecoveryCodeUsed(UserDraft.of(state)
                .recoveryCodesRemaining(Math.max(0, state.recoveryCodesRemaining() - 1))
                .at(use.at())));
    }

    /** The user, if it exists (and is not deleted) in the tenant the command is scoped to. */
    private static void existing(UserState state, String tenantId, String userId) {
        if (state == null
                || state.status() == UserStatus.DELETED
                || (tenantId != null && !tenantId.equals(state.tenantId()))) {
            throw new IdentityRejectedException(new IdentityRejection.NotFound("User " + userId));
        }
    }

    private static List<TenantRole> sorted(List<TenantRole> roles) {
        Set<TenantRole> unique = new TreeSet<>(roles == null ? List.of() : roles);
        return List.copyOf(unique);
    }

    private static IdentityRejectedException conflict(String detail) {
        return new IdentityRejectedException(new IdentityRejection.Conflict(detail));
    }
}
