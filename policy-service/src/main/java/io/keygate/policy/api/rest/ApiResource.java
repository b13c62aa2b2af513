package io.keygate.policy.api.rest;

import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiStatus;
import io.keygate.policy.api.ApiIds;
import io.keygate.policy.api.ApiRejectedException;
import io.keygate.policy.api.ApiRejection;
import io.keygate.policy.api.service.ApiService;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.api.store.OpenApiDocumentStore;
import io.keygate.policy.rest.CorrelationIds;
import io.keygate.policy.rest.TenantIds;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** APIs of a tenant: the catalog entries of the developer portal, with their OpenAPI documents. */
@Path("/tenants/{tenantId}/apis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "APIs", description = "Catalog entries of the developer portal; routes belong to them.")
public class ApiResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ApiService service;
    private final ApiProjection projection;
    private final OpenApiDocumentStore documents;

    ApiResource(ApiService service, ApiProjection projection, OpenApiDocumentStore documents) {
        this.service = service;
        this.projection = projection;
        this.documents = documents;
    }

    @POST
    @Operation(summary = "Add an API to the catalog")
    public Uni<Response> create(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @Valid @NotNull CreateApiRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            @Context UriInfo uri) {
        return service.create(tenantId, request.toAttributes(), CorrelationIds.of(requestId))
                .map(api -> Response.created(
                                uri.getAbsolutePathBuilder().path(api.apiId()).build())
                        .entity(ApiView.of(api))
                        .build());
    }

    @GET
    @Operation(summary = "List a tenant's APIs", description = "Active ones by default; status=RETIRED for the rest.")
    public Uni<List<ApiView>> list(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @QueryParam("status") @DefaultValue("ACTIVE") @Pattern(regexp = "ACTIVE|RETIRED") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return projection
                .list(tenantId, ApiStatus.valueOf(status), limit)
                .map(apis -> apis.stream().map(ApiView::of).toList());
    }

    @GET
    @Path("/{apiId}")
    @Operation(summary = "Read one API")
    public Uni<ApiView> get(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId) {
        return projection.find(tenantId, apiId).map(api -> ApiView.of(found(api, apiId)));
    }

    @PATCH
    @Path("/{apiId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(
            summary = "Update an API's attributes",
            description = "Merge-patch: fields left out keep their value, null clears description. A retired API "
                    + "cannot change (409).")
    public Uni<ApiView> update(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @Valid @NotNull UpdateApiRequest request,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.update(tenantId, apiId, request.toPatch(), CorrelationIds.of(requestId))
                .map(ApiView::of);
    }

    @DELETE
    @Path("/{apiId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Retire an API",
            description = "Refused (409) while the API has active routes. It stays readable with status RETIRED.")
    public Uni<ApiView> retire(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @HeaderParam(CorrelationIds.HEADER) String requestId) {
        return service.retire(tenantId, apiId, CorrelationIds.of(requestId)).map(ApiView::of);
    }

    @PUT
    @Path("/{apiId}/openapi")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Operation(
            summary = "Upload the API's OpenAPI document",
            description = "JSON or YAML by Content-Type, at most 1 MiB, an OpenAPI 3.x document with openapi and info.")
    public Uni<ApiView> uploadOpenApi(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(CorrelationIds.HEADER) String requestId,
            byte[] body) {
        boolean yaml = contentType != null && contentType.toLowerCase().contains("yaml");
        return service.uploadOpenApi(tenantId, apiId, body, yaml, CorrelationIds.of(requestId))
                .map(ApiView::of);
    }

    @GET
    @Path("/{apiId}/openapi")
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "Download the API's OpenAPI document, with the content type it was uploaded with")
    public Uni<Response> openApi(
            @PathParam("tenantId") @Pattern(regexp = TenantIds.FORMAT) String tenantId,
            @PathParam("apiId") @Pattern(regexp = ApiIds.FORMAT) String apiId) {
        return projection.find(tenantId, apiId).chain(api -> document(documents, found(api, apiId)));
    }

    /** The stored document of an API, answered with its content type and digest; 404 before any upload. */
    static Uni<Response> document(OpenApiDocumentStore documents, ApiState api) {
        if (api.openApi() == null) {
            throw new ApiRejectedException(new ApiRejection.NotFound(api.apiId() + "'s OpenAPI document"));
        }
        return documents.find(api.openApi().sha256()).map(stored -> {
            if (stored == null) {
                throw new ApiRejectedException(new ApiRejection.NotFound(api.apiId() + "'s OpenAPI document"));
            }
            return Response.ok(stored.body(), stored.contentType())
                    .header("Digest", "sha-256=" + api.openApi().sha256())
                    .build();
        });
    }

    private static ApiState found(ApiState api, String apiId) {
        if (api == null) {
            throw new ApiRejectedException(new ApiRejection.NotFound(apiId));
        }
        return api;
    }
}
