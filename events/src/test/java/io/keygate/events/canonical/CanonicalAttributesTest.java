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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void aMissingContentTypeAndHeadersOutsideCloudEventsAreAccepted() throws NotCanonicalException {
        Headers headers = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        headers.remove("content-type");
        headers.add("traceparent", ascii("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        assertThat(CanonicalAttributes.read(headers).hasType(CALL_TYPE)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("notCanonical")
    void anythingElseIsNotCanonical(String what, Consumer<Headers> change) {
        Headers headers = written(EventEnvelope.create("/edge-gateway", 0, AT, null, null, call()));
        change.accept(headers);

        assertThatThrownBy(() -> CanonicalAttributes.read(headers)).as(what).isInstanceOf(NotCanonicalException.class);
    }

    static Stream<Arguments> notCanonical() {
        return Stream.of(
                Arguments.of("repeated type", (Consumer<Headers>) h -> h.add("ce_type", CALL_TYPE)),
                Arguments.of("repeated actor", (Consumer<Headers>) h -> {
                    h.add("ce_actor", ascii("user:u1"));
                    h.add("ce_actor", ascii("user:u2"));
                }),
                Arguments.of("unknown extension", (Consumer<Headers>) h -> h.add("ce_region", ascii("eu"))),
                Arguments.of("upper-case name", (Consumer<Headers>) h -> replace(h, "ce_type", "ce_TYPE", CALL_TYPE)),
                Arguments.of("no time", (Consumer<Headers>) h -> h.remove("ce_time")),
                Arguments.of("no id", (Consumer<Headers>) h -> h.remove("ce_id")),
                Arguments.of("id not a UUID", (Consumer<Headers>) h -> replace(h, "ce_id", "ce_id", ascii("e-1"))),
                Arguments.of("absolute source", (Consumer<Headers>)
                        h -> replace(h, "ce_source", "ce_source", ascii("urn:keygate"))),
                Arguments.of("negative sequence", (Consumer<Headers>)
                        h -> replace(h, "ce_sequence", "ce_sequence", ascii("-1"))),
                Arguments.of("spec version 0.3", (Consumer<Headers>)
                        h -> replace(h, "ce_specversion", "ce_specversion", ascii("0.3"))),
                Arguments.of("a header without a value", (Consumer<Headers>)
                        h -> replace(h, "ce_subject", "ce_subject", null)),
                Arguments.of("XML data", (Consumer<Headers>)
                        h -> replace(h, "content-type", "content-type", ascii("application/xml"))));
    }

    private static void replace(Headers headers, String name, String newName, byte[] value) {
        headers.remove(name);
        headers.add(newName, value);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
