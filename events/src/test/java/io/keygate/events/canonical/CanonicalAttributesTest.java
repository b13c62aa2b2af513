package io.keygate.events.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.EventType;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CanonicalAttributesTest {

    private static final Instant AT = Instant.parse("2026-12-07T05:00:00.123456Z");
    private static final byte[] CALL_TYPE = EventType.CALL_RECORDED.type().getBytes(StandardCharsets.US_ASCII);

    @Test
    void theHeadersTheSdkWritesForKeygateEventsAreCanonicalWithActorAndClientAddress() throws NotCanonicalException {
        Headers headers = written(EventEnvelope.create("/token-service", 7, AT, "req-1", "cause-1", call())
                .withOrigin("user:u1", "203.0.113.9"));

        CanonicalAttributes attributes = CanonicalAttributes.read(headers);

        assertThat(attributes.hasType(CALL_TYPE)).isTrue();
        assertThat(attributes.hasType(EventType.API_KEY_ISSUED.type().getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(attributes.sequence()).isEqualTo(7);
    }

    @Test
    void aRepeatedUnknownOrMissingAttributeIsNotCanonical() {
        Headers repeated = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        repeated.add("ce_type", CALL_TYPE);
        Headers unknown = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        unknown.add("ce_region", "eu".getBytes(StandardCharsets.US_ASCII));
        Headers noTime = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        noTime.remove("ce_time");
        Headers otherContent = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        otherContent.remove("content-type");
        otherContent.add("content-type", "application/xml".getBytes(StandardCharsets.US_ASCII));

        for (Headers headers : new Headers[] {repeated, unknown, noTime, otherContent}) {
            assertThatThrownBy(() -> CanonicalAttributes.read(headers)).isInstanceOf(NotCanonicalException.class);
        }
    }

    private static Headers written(EventEnvelope<?> envelope) {
        Headers headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            serializer.serialize("keygate.calls", headers, new EventCodec().toCloudEvent(envelope));
        }
        return headers;
    }

    private static CallRecorded call() {
        return new CallRecorded(
                "req-1",
                "gw-1",
                "tenant-1",
                "rt-1",
                "key-1",
                "app-1",
                "GET",
                "/v1/orders",
                200,
                CallOutcome.PROXIED,
                1234,
                10,
                20,
                "203.0.113.9",
                AT);
    }
}
