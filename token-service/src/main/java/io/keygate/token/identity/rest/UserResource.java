package io.keygate.token.identity.rest;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.rest.IdentityViews.InvitationView;
import io.keygate.token.identity.rest.IdentityViews.UserView;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.user.UserService;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's dashboard users: roles, disabling, deletion (invitations: {@link InvitationResource}). */
@Path("/tenants/{tenantId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Dashboard users of a tenant and their roles.")
public class UserResource {

    @Inject
    CurrentAccess identity;

    private final UserService service;
    private final UserProjection users;
    private final ClientIps clientIps;

    UserResource(UserService service, UserProjection users, ClientIps clientIps) {
        this.service = service;
        this.users = users;
        this.clientIps = clientIps;
    }

    @GET
    @Operation(summary = "List a tenant's users (not the deleted ones), oldest first")
    public Uni<List<UserView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return users.list(tenantId, limit)
                .map(list -> list.stream().map(UserView::of).toList());
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "Read one user")
    public Uni<UserView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("userId") @Pattern(regexp = IdentityIds.USER_FORMAT) String userId) {
        return users.find(userId).map(user -> {
            if (user == null || !tenantId.equals(user.tenantId())) {
                throw new IdentityRejectedException(new IdentityRejection.NotFound("User " + userId));
            }
            return UserView.of(user);
        });
    }

    @PATCH
    @Path("/{userId}")
    @Operation(summary = "Replace a user's roles", description = "Sessions get the new roles at their next refresh.")
    public Uni<UserView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("userId") @Pattern(regexp = IdentityIds.USER_FORMAT) String userId,
            @Valid @NotNull IdentityBodies.UpdateUser request,
            @Context HttpServerRequest http) {
        return service.changeRoles(
                        tenantId, userId, request.roles(), CurrentCaller.userIdOrNull(identity), clientIps.origin(http))
                .map(UserView::of);
    }

    @POST
    @Path("/{userId}/disable")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Disable a user",
            description = "Every live session of the user ends at once (one session-ended event each); idempotent.")
    public Uni<UserView> disable(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("userId") @Pattern(regexp = IdentityIds.USER_FORMAT) String userId,
            @Context HttpServerRequest http) {
        return service.disable(tenantId, userId, CurrentCaller.userIdOrNull(identity), clientIps.origin(http))
                .map(UserView::of);
    }

    @POST
    @Path("/{userId}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Enable a disabled user; idempotent")
    public Uni<UserView> enable(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("userId") @Pattern(regexp = IdentityIds.USER_FORMAT) String userId,
            @Context HttpServerRequest http) {
        return service.enable(tenantId, userId, CurrentCaller.userIdOrNull(identity), clientIps.origin(http))
                .map(UserView::of);
    }

    @DELETE
    @Path("/{userId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a user", description = "Ends every live session of the user; idempotent (204).")
    public Uni<Response> delete(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("userId") @Pattern(regexp = IdentityIds.USER_FORMAT) String userId,
            @Context HttpServerRequest http) {
        return service.delete(tenantId, userId, CurrentCaller.userIdOrNull(identity), clientIps.origin(http))
                .replaceWith(Response.noContent().build());
    }

    /** The 201 answer to an invitation: the token is shown this once. */
    static Response created(UserService.Invitation invitation) {
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(new InvitationView(
                        invitation.user().userId(),
                        invitation.user().email(),
                        invitation.token(),
                        invitation.expiresAt()))
                .build();
    }
}
