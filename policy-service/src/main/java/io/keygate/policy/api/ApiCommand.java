package io.keygate.policy.api;

import io.keygate.events.policy.OpenApiDocumentRef;
import java.time.Instant;

/** Commands on the API aggregate. */
public sealed interface ApiCommand {

    /** The API the command is about. */
    String apiId();

    /** The tenant the caller acts for. */
    String tenantId();

    /** When. */
    Instant at();

    /** Add an API to the catalog with a new id (see {@link ApiIds#newId()}). */
    record CreateApi(String apiId, String tenantId, ApiAttributes attributes, Instant at) implements ApiCommand {}

    /** Change some attributes of an active API; a patch that changes nothing emits nothing. */
    record UpdateApi(String apiId, String tenantId, ApiPatch patch, Instant at) implements ApiCommand {}

    /** Retire an API (refused while it has active routes); retiring a retired one emits nothing. */
    record RetireApi(String apiId, String tenantId, Instant at) implements ApiCommand {}

    /** Record a newly uploaded OpenAPI document (already parsed and stored); the same document emits nothing. */
    record UploadOpenApi(String apiId, String tenantId, OpenApiDocumentRef document, Instant at)
            implements ApiCommand {}
}
