package io.keygate.policy.api.rest;

import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.OpenApiDocumentRef;
import java.time.Instant;
import java.util.Locale;

/**
 * An API as the REST API shows it.
 *
 * @param openApi the uploaded document's reference (digest, size, content type), or null
 */
public record ApiView(
        String id,
        String tenantId,
        String name,
        String description,
        String apiVersion,
        String visibility,
        boolean subscriptionApproval,
        String status,
        OpenApiDocumentRef openApi,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt) {

    static ApiView of(ApiState api) {
        return new ApiView(
                api.apiId(),
                api.tenantId(),
                api.name(),
                api.description(),
                api.apiVersion(),
                api.visibility().name().toLowerCase(Locale.ROOT),
                api.subscriptionApproval(),
                api.status().name(),
                api.openApi(),
                api.createdAt(),
                api.updatedAt(),
                api.retiredAt());
    }
}
