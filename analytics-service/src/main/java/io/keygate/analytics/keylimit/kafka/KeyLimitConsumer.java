package io.keygate.analytics.keylimit.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.analytics.keylimit.store.KeyLimitStore;
import io.keygate.events.EventCodec;
import io.keygate.events.token.TokenEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the token-service's API-key events from {@code keygate.tokens} (channel {@code key-limits}; the topic's other
 * events are skipped) into {@link KeyLimitStore}, so usage reports can set a key's calls against its rate limit and
 * quota. The offset is committed once the limits are stored, so a crash redelivers the event, and a redelivery
 * changes nothing.
 */
@ApplicationScoped
public class KeyLimitConsumer {

    private final KeyLimitStore limits;
    private final EventCodec codec = new EventCodec();

    KeyLimitConsumer(KeyLimitStore limits) {
        this.limits = limits;
    }

    @Incoming("key-limits")
    public Uni<Void> receive(CloudEvent event) {
        return codec.fromCloudEventIf(event, TokenEvent.class)
                .map(envelope -> limits.record(envelope.data().key(), envelope.sequence()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
