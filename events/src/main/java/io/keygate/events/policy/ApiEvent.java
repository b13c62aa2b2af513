package io.keygate.events.policy;

/** Events of the API (catalog entry) aggregate, published to {@code keygate.policies} keyed by API id. */
public sealed interface ApiEvent extends PolicyEvent permits ApiCreated, ApiUpdated, ApiRetired, ApiOpenApiUploaded {

    /** The API's full state after the event (event-carried state). */
    ApiState api();

    @Override
    default String aggregateId() {
        return api().apiId();
    }

    @Override
    default String tenantId() {
        return api().tenantId();
    }
}
