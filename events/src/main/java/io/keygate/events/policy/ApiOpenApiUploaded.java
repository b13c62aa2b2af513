package io.keygate.events.policy;

/**
 * A new OpenAPI document was uploaded for an API. Type {@code io.keygate.api.openapi-uploaded.v1}. The event
 * carries the document's digest and size ({@link ApiState#openApi()}), not the document.
 *
 * @param api the API's full state, with the new document's reference
 */
public record ApiOpenApiUploaded(ApiState api) implements ApiEvent {}
