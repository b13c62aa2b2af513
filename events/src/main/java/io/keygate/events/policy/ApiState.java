package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of an API (a catalog entry of the developer portal), carried by every API event. Its routes
 * are aggregates of their own that name it.
 *
 * @param apiId                stable id, {@code api_} + 32 lowercase hex digits
 * @param tenantId             owner tenant
 * @param name                 human name, at most 100 characters
 * @param description          free text (at most 2000 characters), or null
 * @param apiVersion           the API's own version label, e.g. {@code v1} or {@code 2.3.0}
 * @param visibility           who sees it in the developer portal
 * @param subscriptionApproval whether subscriptions to it need a tenant admin's approval
 * @param status               lifecycle state
 * @param openApi              the uploaded OpenAPI document, or null before the first upload
 * @param createdAt            creation time
 * @param updatedAt            time of the last change
 * @param retiredAt            retirement time, or null
 */
public record ApiState(
        String apiId,
        String tenantId,
        String name,
        String description,
        String apiVersion,
        ApiVisibility visibility,
        boolean subscriptionApproval,
        ApiStatus status,
        OpenApiDocumentRef openApi,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt) {

    public ApiState {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether it can still change and get routes. (Not a bean getter: it stays out of the JSON.) */
    public boolean acceptsChanges() {
        return status == ApiStatus.ACTIVE;
    }

    /** This state with another OpenAPI document, changed at {@code at}. */
    public ApiState withOpenApi(OpenApiDocumentRef document, Instant at) {
        return new ApiState(
                apiId,
                tenantId,
                name,
                description,
                apiVersion,
                visibility,
                subscriptionApproval,
                status,
                document,
                createdAt,
                at,
                retiredAt);
    }

    /** This state retired at {@code at}. */
    public ApiState retire(Instant at) {
        return new ApiState(
                apiId,
                tenantId,
                name,
                description,
                apiVersion,
                visibility,
                subscriptionApproval,
                ApiStatus.RETIRED,
                openApi,
                createdAt,
                at,
                at);
    }
}
