package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The OpenAPI document uploaded for an API, by reference: the document itself is stored by the
 * policy-service (up to 1 MiB, too large for a compacted event) and served at
 * {@code GET /tenants/{tenantId}/apis/{apiId}/openapi}; its digest lets a reader check what it fetched.
 *
 * @param sha256         lowercase hex SHA-256 of the document's bytes as uploaded
 * @param sizeBytes      size of the document in bytes
 * @param contentType    {@code application/json} or {@code application/yaml}
 * @param openapiVersion the document's {@code openapi} field, e.g. {@code 3.1.0}
 * @param title          the document's {@code info.title}
 * @param uploadedAt     when it was uploaded
 */
public record OpenApiDocumentRef(
        String sha256, long sizeBytes, String contentType, String openapiVersion, String title, Instant uploadedAt) {

    public OpenApiDocumentRef {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(openapiVersion, "openapiVersion");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
