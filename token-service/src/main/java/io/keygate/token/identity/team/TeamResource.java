package io.keygate.token.identity.team;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.identity.TeamState;
import io.keygate.token.identity.IdentityIds;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.rest.ClientIps;
import io.keygate.token.identity.rest.CurrentCaller;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's teams: users who manage the applications their team owns together. */
@Path("/tenants/{tenantId}/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Teams",
        description = "Users of a tenant who manage applications together: a developer manages the applications they "
                + "own and those of their teams.")
public class TeamResource {

    /** {@code POST /tenants/{tenantId}/teams}. */
    public record CreateTeamBody(
            @NotBlank @Size(max = Team.MAX_NAME) String name,
            @Size(max = Team.MAX_MEMBERS) List<@NotNull @Pattern(regexp = IdentityIds.USER_FORMAT) String> memberIds) {}

    /** {@code PATCH /tenants/{tenantId}/teams/{teamId}}: what is sent replaces, what is left out stays. */
    public record UpdateTeamBody(
            @Size(min = 1, max = Team.MAX_NAME) String name,
            @Size(max = Team.MAX_MEMBERS) List<@NotNull @Pattern(regexp = IdentityIds.USER_FORMAT) String> memberIds) {}

    /** A team as the API shows it. */
    public record TeamView(
            String id, String tenantId, String name, List<String> memberIds, String status, Instant createdAt) {

        static TeamView of(TeamState team) {
            return new TeamView(
                    team.teamId(),
                    team.tenantId(),
                    team.name(),
                    team.memberIds(),
                    team.status().name(),
                    team.createdAt());
        }
    }

    private final TeamService service;
    private final TeamProjection teams;
    private final ClientIps clientIps;
    private final CurrentAccess access;

    TeamResource(TeamService service, TeamProjection teams, ClientIps clientIps, CurrentAccess access) {
        this.service = service;
        this.teams = teams;
        this.clientIps = clientIps;
        this.access = access;
    }

    @POST
    @Operation(summary = "Create a team", description = "Members must be active or invited users of the tenant.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull CreateTeamBody request,
            @Context HttpServerRequest http,
            @Context UriInfo uri) {
        return service.create(
                        tenantId,
                        request.name(),
                        request.memberIds(),
                        CurrentCaller.userIdOrNull(access),
                        clientIps.origin(http))
                .map(team -> Response.created(
                                uri.getAbsolutePathBuilder().path(team.teamId()).build())
                        .entity(TeamView.of(team))
                        .build());
    }

    @GET
    @Operation(summary = "List a tenant's teams, oldest first")
    public Uni<List<TeamView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return teams.list(tenantId, limit)
                .map(list -> list.stream().map(TeamView::of).toList());
    }

    @GET
    @Path("/{teamId}")
    @Operation(summary = "Read one team", description = "A deleted team stays readable with status DELETED.")
    public Uni<TeamView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("teamId") @Pattern(regexp = Team.ID_FORMAT) String teamId) {
        return teams.find(tenantId, teamId).map(team -> {
            if (team == null) {
                throw new IdentityRejectedException(new IdentityRejection.NotFound("Team " + teamId));
            }
            return TeamView.of(team);
        });
    }

    @PATCH
    @Path("/{teamId}")
    @Operation(
            summary = "Rename a team or replace its members",
            description = "Members' sessions carry the change from their next refresh (within the session token's "
                    + "lifetime, 5 minutes by default).")
    public Uni<TeamView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("teamId") @Pattern(regexp = Team.ID_FORMAT) String teamId,
            @Valid @NotNull UpdateTeamBody request,
            @Context HttpServerRequest http) {
        return service.update(
                        tenantId,
                        teamId,
                        request.name(),
                        request.memberIds(),
                        CurrentCaller.userIdOrNull(access),
                        clientIps.origin(http))
                .map(TeamView::of);
    }

    @DELETE
    @Path("/{teamId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Delete a team",
            description = "Idempotent. Its applications keep their owning user; its members stop managing them.")
    public Uni<Response> delete(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("teamId") @Pattern(regexp = Team.ID_FORMAT) String teamId,
            @Context HttpServerRequest http) {
        return service.delete(tenantId, teamId, CurrentCaller.userIdOrNull(access), clientIps.origin(http))
                .replaceWith(Response.noContent().build());
    }
}
