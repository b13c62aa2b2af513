package io.keygate.token.identity.rest;

import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.login.LoginOutcome;
import io.keygate.token.identity.login.LoginService;
import io.keygate.token.identity.rest.IdentityViews.EnrolmentView;
import io.keygate.token.identity.rest.IdentityViews.LoginView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Login: the password, then each further step the account needs, continued with the single-use challenge token of
 * the previous answer, until a session. Every failure is the same 401 problem (with {@code Retry-After} while the
 * account name or client address is locked).
 */
@Path("/auth/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Login",
        description =
                "Password, MFA (TOTP, recovery code or passkey), forced password change and TOTP enrolment, then a session.")
public class LoginResource {

    private final LoginService logins;
    private final ClientIps clientIps;

    LoginResource(LoginService logins, ClientIps clientIps) {
        this.logins = logins;
        this.clientIps = clientIps;
    }

    @POST
    @Operation(
            summary = "Log in with e-mail address and password",
            description = "Answers a session {accessToken, refreshToken, tokenType, expiresIn} or the next step "
                    + "{step: MFA | PASSWORD_CHANGE | MFA_ENROLMENT, challengeToken, expiresIn}; the MFA step lists "
                    + "its methods (totp, recovery-code, passkey).")
    public Uni<Response> login(@Valid @NotNull IdentityBodies.Login request, @Context HttpServerRequest http) {
        return logins.login(request.email(), request.password(), clientIps.origin(http))
                .map(LoginResource::answer);
    }

    @POST
    @Path("/mfa")
    @Operation(summary = "Complete a login with a TOTP code or a recovery code")
    public Uni<Response> mfa(@Valid @NotNull IdentityBodies.LoginMfa request, @Context HttpServerRequest http) {
        if ((request.code() == null) == (request.recoveryCode() == null)) {
            throw new IdentityRejectedException(
                    new IdentityRejection.InvalidField("code", "send exactly one of code and recoveryCode"));
        }
        return logins.completeMfa(
                        request.challengeToken(), request.code(), request.recoveryCode(), clientIps.origin(http))
                .map(LoginResource::answer);
    }

    @POST
    @Path("/passkey/options")
    @Operation(
            summary = "Start the MFA step with a passkey",
            description =
                    "Answers WebAuthn PublicKeyCredentialRequestOptions (JSON) allowing the user's passkeys, with "
                            + "a new single-use challenge; pass them to navigator.credentials.get().")
    public Uni<Response> passkeyOptions(@Valid @NotNull IdentityBodies.LoginChallenge request) {
        return logins.passkeyOptions(request.challengeToken()).map(options -> noStore(Response.ok(options)));
    }

    @POST
    @Path("/passkey")
    @Operation(
            summary = "Complete a login with a passkey",
            description = "The assertion (PublicKeyCredential as JSON) answering the latest options; answers the "
                    + "session. A refused assertion is the same 401 as a wrong code and counts toward the lockout.")
    public Uni<Response> passkey(@Valid @NotNull IdentityBodies.LoginPasskey request, @Context HttpServerRequest http) {
        return logins.completePasskey(request.challengeToken(), request.credential(), clientIps.origin(http))
                .map(LoginResource::answer);
    }

    @POST
    @Path("/password")
    @Operation(summary = "Set the new password a login requires (the one-time password of the first admin)")
    public Uni<Response> changePassword(
            @Valid @NotNull IdentityBodies.LoginPasswordChange request, @Context HttpServerRequest http) {
        return logins.completePasswordChange(request.challengeToken(), request.newPassword(), clientIps.origin(http))
                .map(LoginResource::answer);
    }

    @POST
    @Path("/mfa-enrolment")
    @Operation(
            summary = "Start the TOTP enrolment a login requires",
            description = "Answers the secret, the otpauth:// URI and its QR code (SVG data URI), shown once.")
    public Uni<Response> startEnrolment(@Valid @NotNull IdentityBodies.LoginChallenge request) {
        return logins.startEnrolment(request.challengeToken())
                .map(start -> noStore(Response.ok(EnrolmentView.of(start))));
    }

    @POST
    @Path("/mfa-enrolment/confirm")
    @Operation(
            summary = "Confirm the TOTP enrolment with a code and complete the login",
            description = "Answers the session and the recovery codes (shown once).")
    public Uni<Response> confirmEnrolment(
            @Valid @NotNull IdentityBodies.LoginEnrolmentConfirm request, @Context HttpServerRequest http) {
        return logins.confirmEnrolment(request.challengeToken(), request.code(), clientIps.origin(http))
                .map(LoginResource::answer);
    }

    static Response answer(LoginOutcome outcome) {
        return noStore(Response.ok(LoginView.of(outcome)));
    }

    static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
