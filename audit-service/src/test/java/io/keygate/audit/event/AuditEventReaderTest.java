package io.keygate.audit.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class AuditEventReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final AuditEventReader reader = new AuditEventReader();

    @Test
    void attributesExtensionsAndSearchFieldsOfAKeygateEventAreRead() {
        EventEnvelope<KeygateEvent> revoked = SampleEvents.revoked("acme", "key_1", T0.plusNanos(123_456_789));

        AuditEvent event = entry(record("keygate.tokens", new EventCodec().toCloudEvent(revoked)));

        assertThat(event.eventId()).isEqualTo(revoked.id());
        assertThat(event.type()).isEqualTo("io.keygate.apikey.revoked.v1");
        assertThat(event.subject()).isEqualTo("key_1");
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.sequence()).isEqualTo(2L);
        assertThat(event.source()).isEqualTo("/token-service");
        assertThat(event.occurredAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(event.correlationId()).isEqualTo(revoked.correlationId());
        assertThat(event.causationId()).isNull();
        assertThat(event.action()).isEqualTo("apikey.revoked");
        assertThat(event.target()).isEqualTo("key_1");
        assertThat(event.outcome()).isEqualTo("success");
        assertThat(event.actor()).isNull();
        assertThat(event.data()).contains("\"keyId\":\"key_1\"");
        assertThat(event.chain()).isEqualTo("acme");
    }

    @Test
    void actorAndClientIpComeFromTheExtensionsOrTheDataAndOutcomeFromTheData() {
        CloudEvent login = base(UUID.randomUUID().toString())
                .withTime(T0.atOffset(java.time.ZoneOffset.UTC))
                .withType("io.keygate.user.login-failed.v1")
                .withExtension(EventCodec.EXT_ACTOR, "user:u_1")
                .withData("application/json", bytes("{\"outcome\":\"failure\",\"clientIp\":\"203.0.113.9\"}"))
                .build();

        AuditEvent event = entry(record("keygate.identities", login));

        assertThat(event.actor()).isEqualTo("user:u_1");
        assertThat(event.clientIp()).isEqualTo("203.0.113.9");
        assertThat(event.outcome()).isEqualTo("failure");
        assertThat(event.action()).isEqualTo("user.login-failed");
        assertThat(event.chain()).isEqualTo(AuditEvent.PLATFORM_CHAIN);
    }

    @Test
    void aCallRecordIsReadApartWithEveryField() {
        EventEnvelope<KeygateEvent> call = SampleEvents.call("acme", "key_1", T0, 429);

        ReadRecord read = reader.read(record("keygate.calls", new EventCodec().toCloudEvent(call)));

        assertThat(read).isInstanceOf(ReadRecord.Call.class);
        CallRecordRow row = ((ReadRecord.Call) read).call();
        assertThat(row.eventId()).isEqualTo(call.id());
        assertThat(row.tenantId()).isEqualTo("acme");
        assertThat(row.keyId()).isEqualTo("key_1");
        assertThat(row.status()).isEqualTo(429);
        assertThat(row.occurredAt()).isEqualTo(T0);
    }

    @Test
    void anEventWithoutTimeTakesTheRecordTime() {
        CloudEvent event = base(UUID.randomUUID().toString()).build();

        assertThat(entry(record("keygate.tokens", event)).occurredAt()).isEqualTo(T0);
        assertThat(entry(record("keygate.tokens", event)).data()).isNull();
    }

    @Test
    void whatCannotBeStoredFaithfullyBecomesADeadLetterWithItsRawBytesAndAReason() {
        String id = UUID.randomUUID().toString();
        assertDead(record("keygate.tokens", base("not-a-uuid").build()), "id is not a UUID");
        assertDead(
                record(
                        "keygate.tokens",
                        base(id).withData("application/json", bytes("{\"a\":")).build()),
                "data is not JSON");
        assertDead(
                record(
                        "keygate.tokens",
                        base(id).withData("application/json", bytes("{\"a\":\"nul \\u0000\"}"))
                                .build()),
                "data contains a NUL character");
        assertDead(
                record(
                        "keygate.tokens",
                        base(id).withExtension("sequence", "seven").build()),
                "sequence");
        assertDead(
                record(
                        "keygate.tokens",
                        base(id).withExtension("tenantid", "a\0b").build()),
                "tenantid");
        assertDead(
                record(
                        "keygate.calls",
                        base(id).withType("io.keygate.call.recorded.v1")
                                .withData("application/json", bytes("{\"status\":200}"))
                                .build()),
                "call record field");
        RawRecord notAnEvent =
                new RawRecord("keygate.tokens", 2, 41, T0, new RecordHeaders(), bytes("k"), bytes("hello"));
        DeadLetter letter = assertDead(notAnEvent, "not a CloudEvent");
        assertThat(letter.value()).isEqualTo(bytes("hello"));
        assertThat(letter.key()).isEqualTo(bytes("k"));
        assertThat(letter.partition()).isEqualTo(2);
        assertThat(letter.offset()).isEqualTo(41);
        assertDead(new RawRecord("keygate.tokens", 0, 1, T0, new RecordHeaders(), bytes("k"), null), "tombstone");
    }

    @Test
    void actionsDropThePrefixAndTheVersionOnly() {
        assertThat(AuditEventReader.action("io.keygate.apikey.rotation-completed.v1"))
                .isEqualTo("apikey.rotation-completed");
        assertThat(AuditEventReader.action("io.keygate.route.defined.v2")).isEqualTo("route.defined");
        assertThat(AuditEventReader.action("com.example.thing.done")).isEqualTo("com.example.thing.done");
        assertThat(AuditEventReader.action("io.keygate.odd.vx")).isEqualTo("odd.vx");
    }

    private AuditEvent entry(RawRecord record) {
        ReadRecord read = reader.read(record);
        assertThat(read).isInstanceOf(ReadRecord.Entry.class);
        return ((ReadRecord.Entry) read).event();
    }

    private DeadLetter assertDead(RawRecord record, String reason) {
        ReadRecord read = reader.read(record);
        assertThat(read).isInstanceOf(ReadRecord.Dead.class);
        DeadLetter letter = ((ReadRecord.Dead) read).letter();
        assertThat(letter.reason()).contains(reason);
        assertThat(letter.value()).isEqualTo(record.value());
        return letter;
    }

    private static RawRecord record(String topic, CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            byte[] value = serializer.serialize(topic, headers, event);
            return new RawRecord(topic, 0, 7, T0, headers, bytes("key"), value);
        }
    }

    private static CloudEventBuilder base(String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/test")).withType("io.keygate.test.v1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
