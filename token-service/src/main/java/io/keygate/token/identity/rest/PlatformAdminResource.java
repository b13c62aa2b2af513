package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.token.identity.user.UserService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
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

/** Platform admins: users without a tenant who administer the platform (create tenants). */
@Path("/platform/admins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admins", description = "Invite further platform admins.")
public class PlatformAdminResource {

    @Inject
    CurrentAccess identity;

    private final UserService service;
    private final ClientIps clientIps;

    PlatformAdminResource(UserService service, ClientIps clientIps) {
        this.service = service;
        this.clientIps = clientIps;
    }

    @POST
    @Path("/invitations")
    @Operation(summary = "Invite a platform admin", description = "Answers the one-time invitation token (no-store).")
    public Uni<Response> invite(
            @Valid @NotNull IdentityBodies.InvitePlatformAdmin request, @Context HttpServerRequest http) {
        return service.invite(
                        null,
                        request.email(),
                        java.util.List.of(),
                        CurrentCaller.userIdOrNull(identity),
                        clientIps.origin(http))
                .map(UserResource::created);
    }
}
