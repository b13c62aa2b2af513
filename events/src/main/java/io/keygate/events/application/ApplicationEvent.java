package io.keygate.events.application;

import io.keygate.events.KeygateEvent;

/** Events of the application aggregate, published to {@code keygate.tokens} keyed by application id. */
public sealed interface ApplicationEvent extends KeygateEvent
        permits ApplicationCreated, ApplicationUpdated, ApplicationDeleted {

    /** The application's full state after the event (event-carried state). */
    ApplicationState application();

    @Override
    default String aggregateId() {
        return application().applicationId();
    }

    @Override
    default String tenantId() {
        return application().tenantId();
    }
}
