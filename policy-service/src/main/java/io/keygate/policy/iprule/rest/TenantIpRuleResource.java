package io.keygate.policy.iprule.rest;

import io.keygate.events.policy.IpRuleScope;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** A tenant's IP rules: they apply to calls with the tenant's credentials. */
@Path("/tenants/{tenantId}/ip-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "IP rules (tenant)")
public class TenantIpRuleResource {

    private static final IpRuleScope SCOPE = IpRuleScope.TENANT;

    private final IpRuleEndpoints endpoints;

    TenantIpRuleResource(IpRuleEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @POST
    @Operation(
            summary = "Create an IP rule",
            description = "409 if an active rule with the same action and CIDR exists.")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = IpRuleEndpoints.TENANT_ID) String tenantId,
            @Valid @NotNull IpRuleRequest request,
            @HeaderParam("X-Request-Id") String requestId,
            @Context UriInfo uri) {
        return endpoints.create(SCOPE, tenantId, request, requestId, uri);
    }

    @GET
    @Operation(
            summary = "List IP rules",
            description = "Active ones, oldest first; status=ALL adds deleted and expired.")
    public Uni<List<IpRuleView>> list(
            @PathParam("tenantId") @Pattern(regexp = IpRuleEndpoints.TENANT_ID) String tenantId,
            @QueryParam("status") @Pattern(regexp = "ACTIVE|ALL") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(IpRuleEndpoints.MAX_LIMIT) int limit) {
        return endpoints.list(SCOPE, tenantId, status, limit);
    }

    @GET
    @Path("/{ruleId}")
    @Operation(summary = "Read one IP rule")
    public Uni<IpRuleView> get(
            @PathParam("tenantId") @Pattern(regexp = IpRuleEndpoints.TENANT_ID) String tenantId,
            @PathParam("ruleId") @Pattern(regexp = IpRuleEndpoints.RULE_ID) String ruleId) {
        return endpoints.get(SCOPE, tenantId, ruleId);
    }

    @DELETE
    @Path("/{ruleId}")
    @Operation(summary = "Delete an IP rule", description = "Idempotent: the rule stays readable with status DELETED.")
    public Uni<IpRuleView> delete(
            @PathParam("tenantId") @Pattern(regexp = IpRuleEndpoints.TENANT_ID) String tenantId,
            @PathParam("ruleId") @Pattern(regexp = IpRuleEndpoints.RULE_ID) String ruleId,
            @HeaderParam("X-Request-Id") String requestId) {
        return endpoints.delete(SCOPE, tenantId, ruleId, requestId);
    }
}
