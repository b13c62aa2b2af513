package io.keygate.gateway.support;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.Testkit;
import java.time.Instant;

/** Publishes token and policy events to the testkit broker as token- and policy-service do, at a given sequence. */
public final class StateEvents implements AutoCloseable {

    private final TestEventPublisher publisher;

    private StateEvents(TestEventPublisher publisher) {
        this.publisher = publisher;
    }

    public static StateEvents connect() {
        return new StateEvents(new TestEventPublisher(Testkit.kafka().bootstrapServers()));
    }

    /** Publishes {@code event} at aggregate {@code sequence} and waits for the broker's acknowledgement. */
    public void publish(long sequence, KeygateEvent event) {
        publisher.send(EventEnvelope.create("/test", sequence, Instant.now(), "test", null, event));
    }

    /** Publishes raw bytes that are no CloudEvent at all. */
    public static void publishGarbage(Topic topic, byte[] value) {
        try (TestEventPublisher raw = new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            raw.sendRaw(topic, "garbage", value);
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
