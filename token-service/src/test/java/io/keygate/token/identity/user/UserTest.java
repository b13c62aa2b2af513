package io.keygate.token.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.identity.TenantRole;
import io.keygate.events.identity.UserActivated;
import io.keygate.events.identity.UserDeleted;
import io.keygate.events.identity.UserDisabled;
import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserInvited;
import io.keygate.events.identity.UserPasskeyRegistered;
import io.keygate.events.identity.UserRecoveryCodeUsed;
import io.keygate.events.identity.UserRolesChanged;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.user.UserCommand.AcceptInvitation;
import io.keygate.token.identity.user.UserCommand.BootstrapAdmin;
import io.keygate.token.identity.user.UserCommand.ChangeRoles;
import io.keygate.token.identity.user.UserCommand.DeleteUser;
import io.keygate.token.identity.user.UserCommand.DisableUser;
import io.keygate.token.identity.user.UserCommand.EnableUser;
import io.keygate.token.identity.user.UserCommand.EnrolMfa;
import io.keygate.token.identity.user.UserCommand.InviteUser;
import io.keygate.token.identity.user.UserCommand.RegisterPasskey;
import io.keygate.token.identity.user.UserCommand.RemovePasskey;
import io.keygate.token.identity.user.UserCommand.UseRecoveryCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final String USER = "usr_0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void anInvitedUserBecomesActiveWhenAcceptingInTime() {
        List<UserEvent> history = given(invite(List.of(TenantRole.VIEWER, TenantRole.ADMIN, TenantRole.ADMIN)));

        assertThat(history.get(0)).isInstanceOfSatisfying(UserInvited.class, invited -> {
            assertThat(invited.user().status()).isEqualTo(UserStatus.INVITED);
            assertThat(invited.user().roles()).containsExactly(TenantRole.ADMIN, TenantRole.VIEWER);
            assertThat(invited.invitedBy()).isEqualTo("user:usr_admin");
        });
        List<UserEvent> accepted =
                User.decide(new AcceptInvitation(USER, " Dana ", T0.plusSeconds(60)), state(history));
        assertThat(accepted).singleElement().isInstanceOfSatisfying(UserActivated.class, activated -> {
            assertThat(activated.user().status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(activated.user().displayName()).isEqualTo("Dana");
            assertThat(activated.user().invitationExpiresAt()).isNull();
        });
    }

    @Test
    void anExpiredOrAcceptedInvitationIsAnInvalidToken() {
        UserState invited = state(given(invite(List.of())));

        assertRejected(
                () -> User.decide(new AcceptInvitation(USER, "Dana", T0.plus(Duration.ofHours(72))), invited),
                IdentityRejection.InvalidToken.class);
        UserState active = User.evolve(
                invited,
                User.decide(new AcceptInvitation(USER, "Dana", T0), invited).get(0));
        assertRejected(
                () -> User.decide(new AcceptInvitation(USER, "Dana", T0), active),
                IdentityRejection.InvalidToken.class);
    }

    @Test
    void disablingIsIdempotentAndEnablingRestores() {
        UserState active = active();

        List<UserEvent> disabled = User.decide(new DisableUser(USER, "acme", T0), active);
        assertThat(disabled).singleElement().isInstanceOf(UserDisabled.class);
        UserState state = User.evolve(active, disabled.get(0));
        assertThat(User.decide(new DisableUser(USER, "acme", T0), state)).isEmpty();
        assertThat(User.decide(new EnableUser(USER, "acme", T0), state)
                        .get(0)
                        .user()
                        .status())
                .isEqualTo(UserStatus.ACTIVE);
        assertThat(User.decide(new EnableUser(USER, "acme", T0), active)).isEmpty();
    }

    @Test
    void anotherTenantsUserDoesNotExistForTheCommand() {
        assertRejected(
                () -> User.decide(new DisableUser(USER, "other", T0), active()), IdentityRejection.NotFound.class);
        assertRejected(
                () -> User.decide(new ChangeRoles(USER, "other", List.of(), T0), active()),
                IdentityRejection.NotFound.class);
    }

    @Test
    void rolesChangeOnlyWhenTheyDiffer() {
        UserState active = active();

        assertThat(User.decide(new ChangeRoles(USER, "acme", List.of(TenantRole.DEVELOPER), T0), active))
                .isEmpty();
        assertThat(User.decide(new ChangeRoles(USER, "acme", List.of(TenantRole.AUDITOR), T0), active))
                .singleElement()
                .isInstanceOfSatisfying(UserRolesChanged.class, changed -> {
                    assertThat(changed.user().roles()).containsExactly(TenantRole.AUDITOR);
                    assertThat(changed.previousRoles()).containsExactly(TenantRole.DEVELOPER);
                });
    }

    @Test
    void deletionIsFinalAndIdempotent() {
        List<UserEvent> deleted = User.decide(new DeleteUser(USER, "acme", T0), active());
        assertThat(deleted).singleElement().isInstanceOf(UserDeleted.class);
        UserState gone = User.evolve(active(), deleted.get(0));

        assertThat(User.decide(new DeleteUser(USER, "acme", T0), gone)).isEmpty();
        assertRejected(() -> User.decide(new EnableUser(USER, "acme", T0), gone), IdentityRejection.NotFound.class);
    }

    @Test
    void aRecoveryCodeUseCountsDown() {
        UserState enrolled = User.evolve(
                active(), User.decide(new EnrolMfa(USER, 10, T0), active()).get(0));

        assertThat(enrolled.mfaEnrolled()).isTrue();
        assertThat(User.decide(new UseRecoveryCode(USER, T0), enrolled))
                .singleElement()
                .isInstanceOfSatisfying(
                        UserRecoveryCodeUsed.class,
                        used -> assertThat(used.user().recoveryCodesRemaining()).isEqualTo(9));
    }

    @Test
    void aPasskeyIsASecondFactorUntilItIsRemoved() {
        String passkey = "pk_0123456789abcdef0123456789abcdef";
        List<UserEvent> registered = User.decide(new RegisterPasskey(USER, passkey, " Laptop ", T0), active());
        UserState withPasskey = User.evolve(active(), registered.get(0));

        assertThat(registered).singleElement().isInstanceOfSatisfying(UserPasskeyRegistered.class, event -> {
            assertThat(event.name()).isEqualTo("Laptop");
            assertThat(event.passkeyId()).isEqualTo(passkey);
        });
        assertThat(withPasskey.passkeys()).isEqualTo(1);
        assertThat(withPasskey.mfaEnrolled()).isFalse();
        assertThat(withPasskey.secondFactorEnrolled()).isTrue();
        UserState without = User.evolve(
                withPasskey,
                User.decide(new RemovePasskey(USER, passkey, T0), withPasskey).get(0));
        assertThat(without.passkeys()).isZero();
        assertThat(without.secondFactorEnrolled()).isFalse();
    }

    @Test
    void aPasskeyNeedsAPrintableNameAndAnActiveUser() {
        String passkey = "pk_0123456789abcdef0123456789abcdef";

        assertRejected(
                () -> User.decide(new RegisterPasskey(USER, passkey, "a\u0000b", T0), active()),
                IdentityRejection.InvalidField.class);
        assertRejected(
                () -> User.decide(new RegisterPasskey(USER, passkey, "x".repeat(65), T0), active()),
                IdentityRejection.InvalidField.class);
        UserState disabled = User.evolve(
                active(),
                User.decide(new DisableUser(USER, "acme", T0), active()).get(0));
        assertRejected(
                () -> User.decide(new RegisterPasskey(USER, passkey, "key", T0), disabled),
                IdentityRejection.Conflict.class);
    }

    @Test
    void theBootstrapAdminMustChangeItsPasswordAndHasNoTenant() {
        UserActivated activated = (UserActivated) User.decide(new BootstrapAdmin(USER, "admin@keygate.local", T0), null)
                .get(0);

        assertThat(activated.user().platformAdmin()).isTrue();
        assertThat(activated.user().tenantId()).isNull();
        assertThat(activated.user().passwordChangeRequired()).isTrue();
        assertThat(activated.user().mfaEnrolled()).isFalse();
    }

    private static InviteUser invite(List<TenantRole> roles) {
        return new InviteUser(
                USER, "acme", "dana@example.com", roles, false, "user:usr_admin", T0.plus(Duration.ofHours(72)), T0);
    }

    private static UserState active() {
        List<UserEvent> history = new ArrayList<>(given(invite(List.of(TenantRole.DEVELOPER))));
        history.addAll(User.decide(new AcceptInvitation(USER, "Dana", T0), state(history)));
        return state(history);
    }

    private static List<UserEvent> given(UserCommand command) {
        return User.decide(command, null);
    }

    private static UserState state(List<UserEvent> history) {
        return User.DECIDER.replay(history);
    }

    private static void assertRejected(Runnable command, Class<? extends IdentityRejection> kind) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(kind));
    }
}
