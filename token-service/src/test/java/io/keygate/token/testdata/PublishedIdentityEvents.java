package io.keygate.token.testdata;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.testkit.Testkit;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What reached {@code keygate.identities}, read from the test broker, oldest first per key. */
public final class PublishedIdentityEvents {

    private static final EventCodec CODEC = new EventCodec();

    private PublishedIdentityEvents() {}

    /** Every envelope published so far. */
    public static List<EventEnvelope<KeygateEvent>> all() {
        return Testkit.kafka()
                .readAll(Topic.IDENTITIES.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .map(r -> CODEC.fromCloudEvent(r.value()))
                .toList();
    }

    /** The envelopes published so far with {@code aggregateId} as the key. */
    public static List<EventEnvelope<KeygateEvent>> of(String aggregateId) {
        return all().stream().filter(e -> aggregateId.equals(e.subject())).toList();
    }

    /** The CloudEvents types published so far for {@code aggregateId}. */
    public static List<String> typesOf(String aggregateId) {
        return of(aggregateId).stream().map(e -> e.type().type()).toList();
    }
}
