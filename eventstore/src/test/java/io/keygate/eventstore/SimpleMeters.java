package io.keygate.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The module's tests have no Prometheus registry; this one makes the event store's meters count, to be asserted. */
class SimpleMeters {

    @Produces
    @Singleton
    SimpleMeterRegistry registry() {
        return new SimpleMeterRegistry();
    }
}
