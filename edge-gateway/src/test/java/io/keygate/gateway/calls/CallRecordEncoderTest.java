package io.keygate.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written encoding of call records must be what the CloudEvents SDK writes, byte for byte. */
class CallRecordEncoderTest {

    private static final String TOPIC = "keygate.calls";

    private final EventCodec codec = new EventCodec();
    private final CallRecordEncoder encoder = new CallRecordEncoder(TOPIC, CallRecordPublisher.SOURCE);

    static Stream<CallRecorded> calls() {
        Instant received = Instant.parse("2026-11-29T18:01:02.123456Z");
        return Stream.of(
                new CallRecorded(
                        "req-1",
                        "gw-1",
                        "acme",
                        "route-1",
                        "key-1",
                        "app-1",
                        "GET",
                        "/v1/orders",
                        200,
                        CallOutcome.PROXIED,
                        1234,
                        0,
                        512,
                        "203.0.113.7",
                        received),
                // Nothing known about the caller: the nullable fields are left out, as the codec does.
                new CallRecorded(
                        "req-2",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        401,
                        CallOutcome.UNKNOWN_KEY,
                        0,
                        0,
                        0,
                        null,
                        Instant.parse("2026-01-01T00:00:00Z")),
                // Characters JSON must escape, and some it need not, in every free-text field.
                new CallRecorded(
                        "req-\"3\"",
                        "gw-ü",
                        "tenant-ß",
                        "route\\x",
                        "key\n1",
                        "app\u00e9\"1",
                        "PATCH",
                        "/ä/\u2028/\t\"quoted\"",
                        599,
                        CallOutcome.UPSTREAM_ERROR,
                        Long.MAX_VALUE,
                        1L << 40,
                        7,
                        "2001:db8::1",
                        Instant.parse("2026-06-30T23:59:59.999999999Z")),
                new CallRecorded(
                        "req-4",
                        "gw-1",
                        "acme",
                        "route-1",
                        "key-1",
                        null,
                        "POST",
                        "/",
                        429,
                        CallOutcome.RATE_LIMITED,
                        10,
                        20,
                        30,
                        "198.51.100.1",
                        received.plusMillis(120)));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void dataIsTheCodecsJson(CallRecorded call) {
        assertThat(new String(encoder.data(call), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.toJson(call), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void recordIsWhatTheCloudEventsSerializerWrites(CallRecorded call) {
        UUID id = EventEnvelope.newEventId();
        Instant occurredAt = call.receivedAt().plusMillis(3);
        ProducerRecord<String, byte[]> ours = encoder.encode(call, id, occurredAt);

        EventEnvelope<CallRecorded> envelope =
                new EventEnvelope<>(id, CallRecordPublisher.SOURCE, 0, occurredAt, call.requestId(), null, call);
        Headers theirs = new RecordHeaders();
        byte[] theirData;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            theirData = serializer.serialize(TOPIC, theirs, codec.toCloudEvent(envelope));
        }

        assertThat(ours.topic()).isEqualTo(TOPIC);
        assertThat(ours.key()).isEqualTo(call.aggregateId());
        assertThat(ours.value()).isEqualTo(theirData);
        assertThat(asMap(ours.headers())).isEqualTo(asMap(theirs));
        // And a subscriber reads it back as the same event.
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            CloudEvent read = deserializer.deserialize(TOPIC, ours.headers(), ours.value());
            EventEnvelope<KeygateEvent> decoded = codec.fromCloudEvent(read);
            assertThat(decoded).isEqualTo(envelope);
        }
    }

    private static Map<String, String> asMap(Headers headers) {
        Map<String, String> map = new HashMap<>();
        for (Header header : headers) {
            String previous = map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            assertThat(previous).as("header %s appears once", header.key()).isNull();
        }
        assertThat(map).isNotEmpty();
        return map;
    }
}
