package io.keygate.token.oauth.rest;

import io.keygate.token.application.service.ApplicationOwnership;
import io.keygate.token.oauth.ClientSecrets;
import io.keygate.token.oauth.service.OAuthClientService;
import io.keygate.token.oauth.store.OAuthClientProjection;
import io.keygate.token.rest.CorrelationIds;
import io.keygate.token.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** OAuth2 clients (client-credentials grant) of a tenant. */
@Path("/tenants/{tenantId}/oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth2 clients")
public class OAuthClientResource {

    private final OAuthClientService service;
    private final OAuthClientProjection projection;
    private final ApplicationOwnership ownership;

    OAuthClientResource(OAuthClientService service, OAuthClientProjection projection, ApplicationOwnership ownership) {
        this.service = service;
        this.projection = projection;
        this.ownership = ownership;
    }

    @POST
    @Operation(
            summary = "Register an OAuth2 client",
            description = "The response is the only place the client secret ever appears.")
    public Uni<Response> register(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull RegisterClientRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return ownership
                .requireCredentialOwner(ownership.scope(), tenantId, request.applicationId())
                .chain(() -> service.register(
                        tenantId,
                        request.applicationId(),
                        request.name(),
                        request.scopes() == null
                                ? List.of()
                                : request.scopes().stream().distinct().toList(),
                        CorrelationIds.of(requestId)))
                .map(registered -> Response.created(uri.getAbsolutePathBuilder()
                                .path(registered.state().clientId())
                                .build())
                        .header("Cache-Control", "no-store")
                        .entity(CreatedClient.of(registered))
                        .build());
    }

    @GET
    @Operation(
            summary = "List a tenant's OAuth2 clients, secrets masked, newest first",
            description = "A developer sees the clients of the applications they own.")
    public Uni<List<OAuthClientView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return projection
                .list(tenantId, ownership.scope(), limit)
                .map(clients -> clients.stream().map(OAuthClientView::of).toList());
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "Read one OAuth2 client, secret masked")
    public Uni<OAuthClientView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("clientId") @Pattern(regexp = ClientSecrets.CLIENT_ID) String clientId) {
        return ownership.findClient(ownership.scope(), tenantId, clientId).map(OAuthClientView::of);
    }

    @POST
    @Path("/{clientId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke an OAuth2 client", description = "Idempotent. The client obtains no new tokens.")
    public Uni<OAuthClientView> revoke(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("clientId") @Pattern(regexp = ClientSecrets.CLIENT_ID) String clientId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return ownership
                .requireClient(ownership.scope(), tenantId, clientId)
                .chain(() -> service.revoke(tenantId, clientId, CorrelationIds.of(requestId)))
                .map(OAuthClientView::of);
    }
}
