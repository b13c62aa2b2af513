package io.keygate.policy.tokenpolicy.rest;

import io.keygate.policy.tokenpolicy.TokenPolicyRejectedException;
import io.keygate.policy.tokenpolicy.TokenPolicyRejection;
import io.keygate.policy.tokenpolicy.service.TokenPolicyService;
import io.keygate.policy.tokenpolicy.store.TokenPolicyProjection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's token policy: the rules the token-service holds every API key of the tenant to. */
@Path("/tenants/{tenantId}/token-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Token policy")
public class TokenPolicyResource {

    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private final TokenPolicyService service;
    private final TokenPolicyProjection projection;

    TokenPolicyResource(TokenPolicyService service, TokenPolicyProjection projection) {
        this.service = service;
        this.projection = projection;
    }

    @PUT
    @Operation(
            summary = "Set the tenant's token policy",
            description = "Replaces the whole policy; the version goes up when anything changed.")
    public Uni<TokenPolicyView> set(
            @PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
            @Valid @NotNull TokenPolicyRequest request,
            @HeaderParam("X-Request-Id") String requestId) {
        return service.set(
                        tenantId,
                        request.maxKeyLifetime(),
                        Boolean.TRUE.equals(request.expiryRequired()),
                        request.maxKeyAge(),
                        request.rotationWarningDays() == null ? 0 : request.rotationWarningDays(),
                        Boolean.TRUE.equals(request.forceExpiryWhenTooOld()),
                        request.allowedCidrs(),
                        requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                                ? requestId
                                : UUID.randomUUID().toString())
                .map(TokenPolicyView::of);
    }

    @GET
    @Operation(summary = "Read the tenant's token policy", description = "404 until one is set.")
    public Uni<TokenPolicyView> get(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return projection.find(tenantId).map(policy -> {
            if (policy == null) {
                throw new TokenPolicyRejectedException(new TokenPolicyRejection.NotFound(tenantId));
            }
            return TokenPolicyView.of(policy);
        });
    }
}
