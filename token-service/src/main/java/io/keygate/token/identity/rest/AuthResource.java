package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.login.LoginOutcome;
import io.keygate.token.identity.mfa.MfaService;
import io.keygate.token.identity.rest.IdentityViews.EnrolmentView;
import io.keygate.token.identity.rest.IdentityViews.MeView;
import io.keygate.token.identity.rest.IdentityViews.RecoveryCodesView;
import io.keygate.token.identity.rest.IdentityViews.UserView;
import io.keygate.token.identity.session.SessionService;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.UserService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accepting an invitation, refreshing a session, and the caller's own account (logout, me, password, TOTP, recovery
 * codes). The caller is the {@link CurrentAccess} the access module fills from the session token.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Account", description = "Invitations, session refresh and the caller's own account.")
public class AuthResource {

    @Inject
    CurrentAccess identity;

    private final UserService userService;
    private final MfaService mfa;
    private final SessionService sessions;
    private final UserProjection users;
    private final ClientIps clientIps;

    AuthResource(
            UserService userService,
            MfaService mfa,
            SessionService sessions,
            UserProjection users,
            ClientIps clientIps) {
        this.userService = userService;
        this.mfa = mfa;
        this.sessions = sessions;
        this.users = users;
        this.clientIps = clientIps;
    }

    @POST
    @Path("/invitations/accept")
    @Operation(
            summary = "Accept an invitation",
            description = "Sets the password (at least 12 characters, not a common password) and the display name; "
                    + "the user can then log in.")
    public Uni<UserView> acceptInvitation(
            @Valid @NotNull IdentityBodies.AcceptInvitation request, @Context HttpServerRequest http) {
        return userService
                .acceptInvitation(
                        request.invitationToken(), request.password(), request.displayName(), clientIps.origin(http))
                .map(UserView::of);
    }

    @POST
    @Path("/refresh")
    @Operation(
            summary = "Refresh a session",
            description = "Answers a new access token and a new refresh token; the presented one is used up. "
                    + "Presenting a used refresh token again ends the whole session (reuse detection).")
    public Uni<Response> refresh(@Valid @NotNull IdentityBodies.Refresh request, @Context HttpServerRequest http) {
        return sessions.refresh(request.refreshToken(), clientIps.origin(http))
                .map(session -> LoginResource.answer(new LoginOutcome.SessionGranted(session, List.of())));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the caller's session", description = "Its tokens are denied everywhere from now on.")
    public Uni<Response> logout(@Context HttpServerRequest http) {
        CurrentCaller caller = CurrentCaller.of(identity);
        if (caller.sessionId() == null) {
            throw new IdentityRejectedException(new IdentityRejection.NotAuthenticated());
        }
        return sessions.end(caller.sessionId(), caller.userId(), SessionEndReason.LOGOUT, clientIps.origin(http))
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's account")
    public Uni<MeView> me() {
        CurrentCaller caller = CurrentCaller.of(identity);
        return caller().map(user -> new MeView(UserView.of(user), caller.sessionId()));
    }

    @POST
    @Path("/password")
    @Operation(
            summary = "Change the caller's password",
            description = "Needs the current password; every other session of the caller ends.")
    public Uni<Response> changePassword(
            @Valid @NotNull IdentityBodies.ChangePassword request, @Context HttpServerRequest http) {
        CurrentCaller caller = CurrentCaller.of(identity);
        return caller().chain(user -> userService
                        .isCurrentPassword(user.userId(), request.currentPassword())
                        .chain(matches -> {
                            if (!matches) {
                                return Uni.createFrom()
                                        .failure(new IdentityRejectedException(new IdentityRejection.InvalidField(
                                                "currentPassword", "does not match")));
                            }
                            return userService.setPassword(
                                    user,
                                    request.newPassword(),
                                    "newPassword",
                                    caller.sessionId(),
                                    clientIps.origin(http));
                        }))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/mfa/totp")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Start a TOTP enrolment",
            description = "Answers a new secret, its otpauth:// URI and QR code (shown once); confirm with a code.")
    public Uni<Response> startTotp() {
        return caller().chain(mfa::startEnrolment)
                .map(start -> LoginResource.noStore(Response.ok(EnrolmentView.of(start))));
    }

    @POST
    @Path("/mfa/totp/confirm")
    @Operation(
            summary = "Confirm the TOTP enrolment with a code",
            description = "Answers 10 new recovery codes (shown once), replacing any earlier ones.")
    public Uni<Response> confirmTotp(@Valid @NotNull IdentityBodies.TotpCode request, @Context HttpServerRequest http) {
        return caller().chain(user -> mfa.confirmEnrolment(user, request.code(), "code", clientIps.origin(http)))
                .map(codes -> LoginResource.noStore(Response.ok(new RecoveryCodesView(codes))));
    }

    @POST
    @Path("/mfa/recovery-codes")
    @Operation(
            summary = "Replace the recovery codes",
            description = "Needs a current TOTP code; answers 10 new codes (shown once).")
    public Uni<Response> regenerateRecoveryCodes(
            @Valid @NotNull IdentityBodies.TotpCode request, @Context HttpServerRequest http) {
        return caller().chain(user -> mfa.regenerateRecoveryCodes(user, request.code(), clientIps.origin(http)))
                .map(codes -> LoginResource.noStore(Response.ok(new RecoveryCodesView(codes))));
    }

    /** The caller's active account; 401 if there is no caller or the account is not active. */
    private Uni<UserState> caller() {
        CurrentCaller caller = CurrentCaller.of(identity);
        return users.find(caller.userId()).map(user -> {
            if (user == null || user.status() != UserStatus.ACTIVE) {
                throw new IdentityRejectedException(new IdentityRejection.NotAuthenticated());
            }
            return user;
        });
    }
}
