package io.keygate.policy.alertpolicy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.keygate.events.policy.AlertPolicyState;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's alert policy: what a critical analytics alert may do on its own. */
@Path("/tenants/{tenantId}/alert-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Alert policy",
        description = "Whether critical anomaly alerts act on their own: revoke the key (token-service) or deny the "
                + "client address for a while (an IP rule here), each with the alert as its cause.")
public class AlertPolicyResource {

    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{0,62}";

    /** {@code PUT} body: the whole policy. */
    public record AlertPolicyBody(
            @NotNull Boolean revokeKeys,
            @NotNull Boolean blockIps,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration blockFor) {}

    /** The policy as the API shows it. */
    public record AlertPolicyView(
            String tenantId,
            boolean revokeKeys,
            boolean blockIps,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration blockFor,
            long version,
            Instant updatedAt) {

        static AlertPolicyView of(AlertPolicyState policy) {
            return new AlertPolicyView(
                    policy.tenantId(),
                    policy.revokeKeys(),
                    policy.blockIps(),
                    policy.blockFor(),
                    policy.version(),
                    policy.updatedAt());
        }
    }

    private final AlertPolicyService service;
    private final AlertPolicyStore policies;

    AlertPolicyResource(AlertPolicyService service, AlertPolicyStore policies) {
        this.service = service;
        this.policies = policies;
    }

    @PUT
    @Operation(
            summary = "Set the tenant's alert policy",
            description = "Replaces the whole policy; blockFor (ISO-8601, PT1M..P30D) defaults to PT24H.")
    public Uni<AlertPolicyView> set(
            @PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
            @Valid @NotNull AlertPolicyBody request,
            @HeaderParam("X-Request-Id") String requestId) {
        return service.set(
                        tenantId,
                        request.revokeKeys(),
                        request.blockIps(),
                        request.blockFor(),
                        requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                                ? requestId
                                : UUID.randomUUID().toString())
                .map(AlertPolicyView::of);
    }

    @GET
    @Operation(summary = "Read the tenant's alert policy", description = "404 until one is set: alerts only inform.")
    public Uni<AlertPolicyView> get(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return policies.find(tenantId).map(policy -> {
            if (policy == null) {
                throw new NotFoundException("Tenant " + tenantId + " has no alert policy: alerts only inform");
            }
            return AlertPolicyView.of(policy);
        });
    }
}
