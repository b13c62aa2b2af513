package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.passkey.PasskeyService;
import io.keygate.token.identity.rest.IdentityViews.PasskeyView;
import io.keygate.token.identity.store.UserProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's passkeys (WebAuthn), a second factor beside TOTP: register, list, remove. */
@Path("/auth/mfa/passkeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Account", description = "Invitations, session refresh and the caller's own account.")
public class PasskeyResource {

    @Inject
    CurrentAccess identity;

    private final PasskeyService passkeys;
    private final UserProjection users;
    private final ClientIps clientIps;

    PasskeyResource(PasskeyService passkeys, UserProjection users, ClientIps clientIps) {
        this.passkeys = passkeys;
        this.users = users;
        this.clientIps = clientIps;
    }

    @POST
    @Path("/options")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Start registering a passkey",
            description = "Answers WebAuthn PublicKeyCredentialCreationOptions (JSON) with a new single-use challenge "
                    + "(valid as long as a login challenge); pass them to navigator.credentials.create().")
    public Uni<Response> options() {
        return caller().chain(passkeys::startRegistration).map(options -> LoginResource.noStore(Response.ok(options)));
    }

    @POST
    @Operation(
            summary = "Register a passkey",
            description = "The attestation (PublicKeyCredential as JSON) answering the latest options, and a name. "
                    + "From now on logins ask for a second factor, which the passkey can give.")
    public Uni<Response> register(
            @Valid @NotNull IdentityBodies.RegisterPasskey request, @Context HttpServerRequest http) {
        return caller().chain(
                        user -> passkeys.register(user, request.name(), request.credential(), clientIps.origin(http)))
                .map(passkey -> Response.status(Response.Status.CREATED)
                        .entity(PasskeyView.of(passkey))
                        .build());
    }

    @GET
    @Operation(summary = "The caller's passkeys", description = "Id, name, created and last used; never key material.")
    public Uni<List<PasskeyView>> list() {
        return caller().chain(user -> passkeys.list(user.userId()))
                .map(list -> list.stream().map(PasskeyView::of).toList());
    }

    @DELETE
    @Path("/{passkeyId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove one of the caller's passkeys")
    public Uni<Response> remove(@PathParam("passkeyId") String passkeyId, @Context HttpServerRequest http) {
        if (passkeyId == null || !passkeyId.matches(IdentityIds.PASSKEY_FORMAT)) {
            throw new IdentityRejectedException(new IdentityRejection.NotFound("Passkey"));
        }
        return caller().chain(user -> passkeys.remove(user, passkeyId, clientIps.origin(http)))
                .replaceWith(Response.noContent().build());
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
