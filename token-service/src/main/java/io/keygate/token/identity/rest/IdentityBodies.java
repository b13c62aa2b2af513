package io.keygate.token.identity.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keygate.events.identity.TenantRole;
import io.keygate.token.application.ApplicationAttributeRules;
import io.keygate.token.identity.tenant.Tenant;
import io.keygate.token.identity.user.User;
import io.keygate.token.rest.TenantIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The JSON bodies the identity endpoints accept. Sizes are bounded (a password longer than {@link #MAX_SECRET} is
 * refused before it is hashed); the password policy itself is checked by the service, naming the field.
 */
public final class IdentityBodies {

    /** Upper bound of any password or token field, well above the policy's 128 characters. */
    public static final int MAX_SECRET = 512;

    public static final int MAX_TOKEN = 128;
    public static final int MAX_CODE = 32;

    private IdentityBodies() {}

    /** {@code POST /tenants}. */
    public record CreateTenant(
            @NotNull @Pattern(regexp = TenantIds.FORMAT) String id,
            @NotBlank @Size(max = Tenant.MAX_NAME) String name) {}

    /** {@code POST /tenants/{tenantId}/invitations}. */
    public record InviteUser(
            @NotBlank
            @Size(max = ApplicationAttributeRules.MAX_CONTACT_EMAIL)
            @Pattern(regexp = ApplicationAttributeRules.CONTACT_EMAIL)
            String email,

            @NotNull @Size(max = 4) List<@NotNull TenantRole> roles) {}

    /** {@code POST /platform/admins/invitations}. */
    public record InvitePlatformAdmin(
            @NotBlank
            @Size(max = ApplicationAttributeRules.MAX_CONTACT_EMAIL)
            @Pattern(regexp = ApplicationAttributeRules.CONTACT_EMAIL)
            String email) {}

    /** {@code PATCH /tenants/{tenantId}/users/{userId}}. */
    public record UpdateUser(@NotNull @Size(max = 4) List<@NotNull TenantRole> roles) {}

    /** {@code POST /auth/invitations/accept}. */
    public record AcceptInvitation(
            @NotBlank @Size(max = MAX_TOKEN) String invitationToken,
            @NotNull @Size(max = MAX_SECRET) String password,
            @NotBlank @Size(max = User.MAX_DISPLAY_NAME) String displayName) {

        @Override
        public String toString() {
            return "AcceptInvitation[***]";
        }
    }

    /** {@code POST /auth/login}. */
    public record Login(
            @NotBlank @Size(max = ApplicationAttributeRules.MAX_CONTACT_EMAIL)
            String email,

            @NotNull @Size(max = MAX_SECRET) String password) {

        @Override
        public String toString() {
            return "Login[***]";
        }
    }

    /** {@code POST /auth/login/mfa}: exactly one of {@code code} and {@code recoveryCode}. */
    public record LoginMfa(
            @NotBlank @Size(max = MAX_TOKEN) String challengeToken,
            @Size(max = MAX_CODE) String code,
            @Size(max = MAX_CODE) String recoveryCode) {

        @Override
        public String toString() {
            return "LoginMfa[***]";
        }
    }

    /** {@code POST /auth/login/password}. */
    public record LoginPasswordChange(
            @NotBlank @Size(max = MAX_TOKEN) String challengeToken,
            @NotNull @Size(max = MAX_SECRET) String newPassword) {

        @Override
        public String toString() {
            return "LoginPasswordChange[***]";
        }
    }

    /** {@code POST /auth/login/mfa-enrolment}. */
    public record LoginChallenge(
            @NotBlank @Size(max = MAX_TOKEN) String challengeToken) {

        @Override
        public String toString() {
            return "LoginChallenge[***]";
        }
    }

    /** {@code POST /auth/login/mfa-enrolment/confirm}. */
    public record LoginEnrolmentConfirm(
            @NotBlank @Size(max = MAX_TOKEN) String challengeToken,
            @NotBlank @Size(max = MAX_CODE) String code) {

        @Override
        public String toString() {
            return "LoginEnrolmentConfirm[***]";
        }
    }

    /** {@code POST /auth/refresh}. */
    public record Refresh(@NotBlank @Size(max = MAX_TOKEN) String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }

    /** {@code POST /auth/password}. */
    public record ChangePassword(
            @NotNull @Size(max = MAX_SECRET) String currentPassword,
            @NotNull @Size(max = MAX_SECRET) String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }

    /** {@code POST /auth/mfa/totp/confirm} and {@code POST /auth/mfa/recovery-codes}. */
    public record TotpCode(@NotBlank @Size(max = MAX_CODE) String code) {

        @Override
        public String toString() {
            return "TotpCode[***]";
        }
    }

    /**
     * {@code POST /auth/login/passkey}: the challenge token and the assertion ({@code PublicKeyCredential} as JSON, as
     * {@code credential.toJSON()} gives it in the browser).
     */
    public record LoginPasskey(
            @NotBlank @Size(max = MAX_TOKEN) String challengeToken,
            @NotNull ObjectNode credential) {

        @Override
        public String toString() {
            return "LoginPasskey[***]";
        }
    }

    /** {@code POST /auth/mfa/passkeys}: a name for the passkey and the attestation ({@code PublicKeyCredential}). */
    public record RegisterPasskey(
            @NotBlank @Size(max = User.MAX_PASSKEY_NAME) String name,
            @NotNull ObjectNode credential) {

        @Override
        public String toString() {
            return "RegisterPasskey[" + name + "]";
        }
    }
}
