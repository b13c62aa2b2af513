package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.token.identity.user.UserService;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invitations of users to a tenant. */
@Path("/tenants/{tenantId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Dashboard users of a tenant and their roles.")
public class InvitationResource {

    @Inject
    CurrentAccess identity;

    private final UserService service;
    private final ClientIps clientIps;

    InvitationResource(UserService service, ClientIps clientIps) {
        this.service = service;
        this.clientIps = clientIps;
    }

    @POST
    @Operation(
            summary = "Invite a user",
            description = "Answers the one-time invitation token (shown this once, Cache-Control: no-store); the user "
                    + "accepts it with POST /auth/invitations/accept before it expires. The tenant must exist.")
    public Uni<Response> invite(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull IdentityBodies.InviteUser request,
            @Context HttpServerRequest http) {
        return service.invite(
                        tenantId,
                        request.email(),
                        request.roles(),
                        CurrentCaller.userIdOrNull(identity),
                        clientIps.origin(http))
                .map(UserResource::created);
    }
}
