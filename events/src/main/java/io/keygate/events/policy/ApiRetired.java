package io.keygate.events.policy;

/**
 * An API was retired: no longer listed, no routes, no further change. Type {@code io.keygate.api.retired.v1}.
 *
 * @param api the API's full state: status {@code RETIRED}
 */
public record ApiRetired(ApiState api) implements ApiEvent {}
