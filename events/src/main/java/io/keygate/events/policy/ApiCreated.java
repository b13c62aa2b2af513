package io.keygate.events.policy;

/**
 * An API was added to the catalog. Type {@code io.keygate.api.created.v1}.
 *
 * @param api the API's full state: status {@code ACTIVE}
 */
public record ApiCreated(ApiState api) implements ApiEvent {}
