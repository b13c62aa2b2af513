package io.keygate.policy.api.rest;

import io.keygate.policy.api.ApiIds;
import io.keygate.policy.api.ApiRejectedException;
import io.keygate.policy.api.ApiRejection;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.api.store.OpenApiDocumentStore;
import io.keygate.policy.rest.TenantIds;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a tenant's developer portal lists: its own active APIs and every tenant's public ones. */
@Path("/tenants/{tenantId}/portal/apis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Developer portal")
public class PortalResource {

    private final ApiProjection projection;
    private final OpenApiDocumentStore documents;

    PortalResource(ApiProjection projection, OpenApiDocumentStore documents) {
        this.projection = projection;
        this.documents = documents;
    }

    @GET
    @Operation(summary = "APIs the tenant's developer portal lists", description = "Its own and all public ones.")
    public Uni<List<ApiView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return projection
                .listVisibleTo(tenantId, limit)
                .map(list -> list.stream().map(ApiView::of).toList());
    }

    @GET
    @Path("/{apiId}/openapi")
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "The OpenAPI document of an API the portal lists")
    public Uni<Response> openApi(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId) {
        return projection.findVisibleTo(tenantId, apiId).chain(api -> {
            if (api == null) {
                throw new ApiRejectedException(new ApiRejection.NotFound(apiId));
            }
            return ApiResource.document(documents, api);
        });
    }
}
