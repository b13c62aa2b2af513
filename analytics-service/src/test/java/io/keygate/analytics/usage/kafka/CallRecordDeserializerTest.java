package io.keygate.analytics.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.analytics.usage.SampleCalls;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRecordDeserializerTest {

    private static final String TOPIC = "keygate.calls";
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");

    private final CallRecordDeserializer deserializer = new CallRecordDeserializer();
    private final EventCodec codec = new EventCodec();

    @AfterEach
    void close() {
        deserializer.close();
    }

    @Test
    void decodesACallRecordWithEveryField() {
        CallRecorded sent = call("key-1", "10.0.0.7");

        ReadCall read = read(sent);

        assertThat(read.unreadable()).isNull();
        assertThat(read.call()).isEqualTo(sent);
    }

    @Test
    void aTombstoneIsUnreadable() {
        assertThat(deserializer
                        .deserialize(TOPIC, new RecordHeaders(), (byte[]) null)
                        .unreadable())
                .isEqualTo("no value (tombstone)");
    }

    @Test
    void bytesWithoutCloudEventHeadersAreUnreadableAndTheReasonHoldsNoneOfThem() {
        ReadCall read =
                deserializer.deserialize(TOPIC, new RecordHeaders(), "kg_live_secret".getBytes(StandardCharsets.UTF_8));

        assertThat(read.call()).isNull();
        assertThat(read.unreadable()).isEqualTo("not a CloudEvent").doesNotContain("kg_live_secret");
    }

    @Test
    void anotherEventTypeIsUnreadableAsACall() {
        ApiKeyState key = new ApiKeyState(
                "key-1", "tenant-1", "k", "kg…", "hash", List.of(), ApiKeyStatus.ACTIVE, AT, null, null, null);

        ReadCall read = read(new ApiKeyIssued(key));

        assertThat(read.call()).isNull();
        assertThat(read.unreadable()).isEqualTo("not a call record: io.keygate.apikey.issued.v1");
    }

    @Test
    void dataThatDoesNotFitACallIsUnreadableAndTheReasonHoldsNoneOfIt() {
        Headers headers = new RecordHeaders();
        byte[] valid = serialize(call("key-1", "10.0.0.7"), headers);
        String json = new String(valid, StandardCharsets.UTF_8);
        byte[] broken =
                json.replace("\"status\":200", "\"status\":\"kg_live_secret\"").getBytes(StandardCharsets.UTF_8);

        ReadCall read = deserializer.deserialize(TOPIC, headers, broken);

        assertThat(read.call()).isNull();
        assertThat(read.unreadable()).isEqualTo("Data does not match CallRecorded");
    }

    private ReadCall read(KeygateEvent event) {
        Headers headers = new RecordHeaders();
        byte[] value = serialize(event, headers);
        return deserializer.deserialize(TOPIC, headers, value);
    }

    private byte[] serialize(KeygateEvent event, Headers headers) {
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            return serializer.serialize(
                    TOPIC,
                    headers,
                    codec.toCloudEvent(EventEnvelope.create("/edge-gateway", 0, AT, null, null, event)));
        }
    }

    private static CallRecorded call(String keyId, String clientIp) {
        return SampleCalls.withApplication(
                SampleCalls.call("tenant-1", keyId, "rt-1", AT, 200, 10, 20, 1234, clientIp), "app-1");
    }
}
