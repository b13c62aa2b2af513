package io.keygate.policy.testdata;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.testkit.Testkit;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What reached {@code keygate.policies} for one aggregate, read from the test broker, oldest first. */
public final class PublishedPolicyEvents {

    private static final EventCodec CODEC = new EventCodec();

    private PublishedPolicyEvents() {}

    /** The envelopes published so far with {@code aggregateId} as the key. */
    public static List<EventEnvelope<KeygateEvent>> of(String aggregateId) {
        return Testkit.kafka()
                .readAll(Topic.POLICIES.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> aggregateId.equals(r.key()))
                .map(r -> CODEC.fromCloudEvent(r.value()))
                .toList();
    }

    /** The event data published so far for {@code aggregateId}. */
    public static List<KeygateEvent> dataOf(String aggregateId) {
        return of(aggregateId).stream().map(EventEnvelope::data).toList();
    }
}
