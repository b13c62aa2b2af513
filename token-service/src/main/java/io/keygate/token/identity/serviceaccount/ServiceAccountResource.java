package io.keygate.token.identity.serviceaccount;

import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.events.identity.TenantRole;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.rest.ClientIps;
import io.keygate.token.identity.rest.CurrentCaller;
import io.keygate.token.identity.store.TenantProjection;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** A tenant's service accounts: identities for automation, which calls with service tokens. */
@Path("/tenants/{tenantId}/service-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Service accounts",
        description = "Automation's identities in a tenant: a secret shown once, exchanged at POST /auth/service-token "
                + "for short-lived service tokens that every service accepts like a session.")
public class ServiceAccountResource {

    /** {@code POST /tenants/{tenantId}/service-accounts}. */
    public record CreateServiceAccountBody(
            @NotBlank @Size(max = ServiceAccount.MAX_NAME) String name,
            @NotNull @Size(min = 1, max = 4) List<@NotNull TenantRole> roles) {}

    /** A service account as the API shows it; never its secret. */
    public record ServiceAccountView(
            String id,
            String tenantId,
            String name,
            List<String> roles,
            String status,
            Instant createdAt,
            Instant revokedAt) {

        static ServiceAccountView of(ServiceAccountState account) {
            return new ServiceAccountView(
                    account.serviceAccountId(),
                    account.tenantId(),
                    account.name(),
                    account.roles().stream().map(TenantRole::wireName).toList(),
                    account.status().name(),
                    account.createdAt(),
                    account.revokedAt());
        }
    }

    /** The creation's answer: the only place the secret ever appears. */
    public record CreatedServiceAccountView(ServiceAccountView serviceAccount, String clientId, String clientSecret) {}

    private final ServiceAccountService service;
    private final ServiceAccountProjection accounts;
    private final TenantProjection tenants;
    private final ClientIps clientIps;
    private final CurrentAccess access;

    ServiceAccountResource(
            ServiceAccountService service,
            ServiceAccountProjection accounts,
            TenantProjection tenants,
            ClientIps clientIps,
            CurrentAccess access) {
        this.service = service;
        this.accounts = accounts;
        this.tenants = tenants;
        this.clientIps = clientIps;
        this.access = access;
    }

    @POST
    @Operation(
            summary = "Create a service account",
            description = "The response carries clientId and clientSecret, the only time the secret appears. Exchange "
                    + "them (HTTP Basic) at POST /auth/service-token for a service token.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull CreateServiceAccountBody request,
            @Context HttpServerRequest http,
            @Context UriInfo uri) {
        String actor = CurrentCaller.userIdOrNull(access);
        return tenants.find(tenantId)
                .chain(tenant -> {
                    if (tenant == null) {
                        throw new IdentityRejectedException(new IdentityRejection.NotFound("Tenant " + tenantId));
                    }
                    return service.create(tenantId, request.name(), request.roles(), actor, clientIps.origin(http));
                })
                .map(created -> Response.created(uri.getAbsolutePathBuilder()
                                .path(created.account().serviceAccountId())
                                .build())
                        .header("Cache-Control", "no-store")
                        .entity(new CreatedServiceAccountView(
                                ServiceAccountView.of(created.account()),
                                created.account().serviceAccountId(),
                                created.secret()))
                        .build());
    }

    @GET
    @Operation(summary = "List a tenant's service accounts, newest first")
    public Uni<List<ServiceAccountView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return accounts.list(tenantId, limit)
                .map(list -> list.stream().map(ServiceAccountView::of).toList());
    }

    @GET
    @Path("/{serviceAccountId}")
    @Operation(summary = "Read one service account")
    public Uni<ServiceAccountView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("serviceAccountId") @Pattern(regexp = ServiceAccount.ID_FORMAT) String accountId) {
        return accounts.find(tenantId, accountId).map(account -> {
            if (account == null) {
                throw new IdentityRejectedException(new IdentityRejection.NotFound("Service account " + accountId));
            }
            return ServiceAccountView.of(account);
        });
    }

    @POST
    @Path("/{serviceAccountId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Revoke a service account",
            description = "Final and idempotent: no new token, and every service refuses the tokens it holds as soon "
                    + "as the revocation event reaches it.")
    public Uni<ServiceAccountView> revoke(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("serviceAccountId") @Pattern(regexp = ServiceAccount.ID_FORMAT) String accountId,
            @Context HttpServerRequest http) {
        return service.revoke(tenantId, accountId, CurrentCaller.userIdOrNull(access), clientIps.origin(http))
                .map(ServiceAccountView::of);
    }
}
