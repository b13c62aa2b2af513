package io.keygate.analytics.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.analytics.usage.SampleCalls;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
        assertThat(read.call()).isEqualTo(unplaced(sent));
        assertThat(read.readGenerally()).as("read without the general way").isFalse();
    }

    @Test
    void callsInTheGatewaysShapeReadToWhatTheGeneralWayReads() {
        SplittableRandom random = new SplittableRandom(8);
        CallOutcome[] outcomes = CallOutcome.values();
        for (int i = 0; i < 2_000; i++) {
            CallRecorded sent = new CallRecorded(
                    "req-" + i,
                    maybe(random, "gw-1"),
                    maybe(random, "tenant-" + random.nextInt(5)),
                    maybe(random, "rt-" + random.nextInt(20)),
                    maybe(random, random.nextBoolean() ? "key-" + random.nextInt(100) : "clé-\"ü\"-" + i),
                    maybe(random, "app-" + random.nextInt(10)),
                    maybe(random, "GET"),
                    maybe(random, "/v1/orders/" + i + "?é"),
                    random.nextInt(-1, 1_000),
                    outcomes[random.nextInt(outcomes.length)],
                    random.nextLong(0, 60_000_000_000L),
                    random.nextLong(0, Long.MAX_VALUE),
                    random.nextInt(0, 1 << 20),
                    maybe(random, random.nextBoolean() ? "198.51.100." + random.nextInt(256) : "2001:db8::" + i),
                    Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(0, 1_000_000_000)));
            Headers headers = new RecordHeaders();
            byte[] value = serialize(sent, headers);

            ReadCall read = deserializer.deserialize(TOPIC, headers, value);

            assertThat(read.call()).as(sent.toString()).isEqualTo(unplaced(generally(headers, value)));
            assertThat(read.readGenerally()).isFalse();
        }
    }

    @Test
    void recordsInAnotherShapeAreReadTheGeneralWayToWhatItReads() {
        CallRecorded sent = call("key-1", "10.0.0.7");
        Headers headers = new RecordHeaders();
        String json = new String(serialize(sent, headers), StandardCharsets.UTF_8);
        Headers withOffset = copy(headers);
        withOffset.remove("ce_time");
        withOffset.add("ce_time", "2026-12-06T11:15:30.123456+01:00".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("a field added later", json.replace("\"status\":", "\"region\":\"eu\",\"status\":"));
        shapes.put("an explicit null", json.replace("\"gatewayId\":\"gw-1\"", "\"gatewayId\":null"));
        shapes.put("an explicit null id", json.replace("\"keyId\":\"key-1\"", "\"keyId\":null"));
        shapes.put("an id as a number", json.replace("\"keyId\":\"key-1\"", "\"keyId\":5"));
        shapes.put("a fraction", json.replace("\"bytesIn\":10", "\"bytesIn\":10.0"));
        shapes.put("a repeated field", json.replace("\"status\":200", "\"status\":200,\"status\":503"));
        shapes.put("content after the object", json + " x");
        shapes.put("an outcome by index", json.replace("\"outcome\":\"PROXIED\"", "\"outcome\":0"));
        shapes.put("a status as text", json.replace("\"status\":200", "\"status\":\"200\""));
        shapes.put("a status beyond int", json.replace("\"status\":200", "\"status\":3000000000"));
        shapes.put("an instant with an offset", json.replace("Z\"}", "+00:00\"}"));
        shapes.put("an instant as a number", json.replaceAll("\"receivedAt\":\"[^\"]*\"", "\"receivedAt\":1765016130"));
        assertThat(shapes.values()).doesNotContain(json);

        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            assertReadTheGeneralWay(shape.getKey(), headers, shape.getValue().getBytes(StandardCharsets.UTF_8));
        }
        assertReadTheGeneralWay("a time header with an offset", withOffset, json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertReadTheGeneralWay(String shape, Headers headers, byte[] value) {
        ReadCall read = deserializer.deserialize(TOPIC, headers, value);

        assertThat(read.readGenerally()).as(shape).isTrue();
        CallRecorded expected;
        try {
            expected = generally(headers, value);
        } catch (RuntimeException e) {
            assertThat(read.unreadable()).as(shape).isNotNull();
            return;
        }
        assertThat(read.call()).as(shape).isEqualTo(unplaced(expected));
    }

    @Test
    void callsNamingEqualIdsShareOneInstanceOfEachWhicheverWayTheyWereRead() {
        CallRecorded sent = call(new String("key-1"), new String("10.0.0.7"));
        Headers headers = new RecordHeaders();
        byte[] value = serialize(sent, headers);
        Headers unusual = copy(headers);
        unusual.add("ce_region", "eu".getBytes(StandardCharsets.US_ASCII));

        ConsumedCall first = deserializer.deserialize(TOPIC, headers, value).call();
        ConsumedCall second = deserializer.deserialize(TOPIC, headers, value).call();
        ConsumedCall third = deserializer.deserialize(TOPIC, unusual, value).call();

        assertThat(deserializer.deserialize(TOPIC, unusual, value).readGenerally())
                .isTrue();
        for (ConsumedCall other : List.of(second, third)) {
            assertThat(other).isEqualTo(first);
            assertThat(other.tenantId()).isSameAs(first.tenantId());
            assertThat(other.applicationId()).isSameAs(first.applicationId());
            assertThat(other.keyId()).isSameAs(first.keyId());
            assertThat(other.routeId()).isSameAs(first.routeId());
            assertThat(other.clientIp()).isSameAs(first.clientIp());
        }
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

    private CallRecorded generally(Headers headers, byte[] value) {
        try (CloudEventDeserializer cloudEvents = new CloudEventDeserializer()) {
            return (CallRecorded) codec.fromCloudEvent(cloudEvents.deserialize(TOPIC, headers, value))
                    .data();
        }
    }

    private static ConsumedCall unplaced(CallRecorded call) {
        return new ConsumedCall(ConsumedCall.UNPLACED, ConsumedCall.UNPLACED, call);
    }

    private static String maybe(SplittableRandom random, String value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
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
