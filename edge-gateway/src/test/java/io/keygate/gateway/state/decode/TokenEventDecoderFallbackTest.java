package io.keygate.gateway.state.decode;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.keygate.events.EventType;
import io.keygate.events.KeygateEvent;
import io.keygate.events.SampleEvents;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.events.token.TokenEvent;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the fast decoder leaves to the general path: anything not in the canonical shape, malformed or merely unusual.
 * Whatever it does read, it reads to exactly what the general path reads.
 */
class TokenEventDecoderFallbackTest {

    private static final PublishedRecord ISSUED = PublishedRecord.of(
            3,
            new ApiKeyIssued(anApiKey()
                    .withScopes("orders:read")
                    .limitedTo(new RateLimit(10, RateLimitPeriod.SECOND))
                    .withQuota(new Quota(100, QuotaRefill.DAY))
                    .allowingOnly("203.0.113.0/24")
                    .build()));

    static Stream<Arguments> notCanonical() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of(
                        "no headers",
                        new PublishedRecord(
                                new org.apache.kafka.common.header.internals.RecordHeaders(), ISSUED.value())),
                Arguments.of("not JSON", ISSUED.withValue("not a cloud event".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("truncated JSON", ISSUED.withValue(java.util.Arrays.copyOf(ISSUED.value(), 40))),
                Arguments.of("empty data", ISSUED.withValue(new byte[0])),
                Arguments.of("structured mode", ISSUED.withHeader("content-type", "application/cloudevents+json")),
                Arguments.of("spec version 0.3", ISSUED.withHeader("ce_specversion", "0.3")),
                Arguments.of("no time", ISSUED.withHeader("ce_time", null)),
                Arguments.of("time with an offset", ISSUED.withHeader("ce_time", "2026-11-29T10:15:30+00:00")),
                Arguments.of("id not a UUID", ISSUED.withHeader("ce_id", "event-1")),
                Arguments.of("absolute source", ISSUED.withHeader("ce_source", "urn:keygate:token-service")),
                Arguments.of("negative sequence", ISSUED.withHeader("ce_sequence", "-1")),
                Arguments.of("unknown type", ISSUED.withHeader("ce_type", "io.keygate.apikey.issued.v9")),
                Arguments.of("route type", ISSUED.withHeader("ce_type", EventType.ROUTE_DEFINED.type())),
                Arguments.of("unknown extension", ISSUED.plusHeader("ce_region", "eu")),
                Arguments.of("repeated type", ISSUED.plusHeader("ce_type", EventType.API_KEY_ISSUED.type())),
                Arguments.of("key null", ISSUED.withData(data -> data.putNull("key"))),
                Arguments.of("key missing", ISSUED.withData(data -> data.remove("key"))),
                Arguments.of("keyHash missing", ISSUED.withKey(key -> key.remove("keyHash"))),
                Arguments.of("status lower-case", ISSUED.withKey(key -> key.put("status", "active"))),
                Arguments.of("status by index", ISSUED.withKey(key -> key.put("status", 0))),
                Arguments.of("name a number", ISSUED.withKey(key -> key.put("name", 12))),
                Arguments.of("expiry as epoch seconds", ISSUED.withKey(key -> key.put("expiresAt", 1_900_000_000))),
                Arguments.of(
                        "expiry with offset", ISSUED.withKey(key -> key.put("expiresAt", "2031-01-01T00:00:00+01:00"))),
                Arguments.of("expiry at 24:00", ISSUED.withKey(key -> key.put("expiresAt", "2031-01-01T24:00:00Z"))),
                Arguments.of(
                        "expiry in a leap second", ISSUED.withKey(key -> key.put("expiresAt", "2016-12-31T23:59:60Z"))),
                Arguments.of(
                        "expiry on 30 February", ISSUED.withKey(key -> key.put("expiresAt", "2031-02-30T00:00:00Z"))),
                Arguments.of("creation time empty", ISSUED.withKey(key -> key.put("createdAt", ""))),
                Arguments.of(
                        "scope null entry",
                        ISSUED.withKey(key -> key.set("scopes", json.arrayNode().addNull()))),
                Arguments.of("scopes a string", ISSUED.withKey(key -> key.put("scopes", "orders:read"))),
                Arguments.of(
                        "rate limit zero",
                        ISSUED.withKey(key -> key.with("rateLimit").put("requests", 0))),
                Arguments.of(
                        "rate limit as text",
                        ISSUED.withKey(key -> key.with("rateLimit").put("requests", "10"))),
                Arguments.of(
                        "rate limit fractional",
                        ISSUED.withKey(key -> key.with("rateLimit").put("requests", 1.5))),
                Arguments.of(
                        "rate limit no period",
                        ISSUED.withKey(key -> key.with("rateLimit").remove("per"))),
                Arguments.of(
                        "quota huge",
                        ISSUED.withKey(key ->
                                key.with("quota").put("limit", new java.math.BigInteger("9223372036854775808")))),
                Arguments.of("metadata an array", ISSUED.withKey(key -> key.set("metadata", json.arrayNode()))),
                Arguments.of("repeated key id", withRepeatedKeyId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCanonical")
    void leavesRecordsNotInTheCanonicalShapeToTheGeneralPath(String change, PublishedRecord record) {
        assertThat(record.readFast()).isNull();
    }

    @Test
    void aWrongValueInAnyFieldOfTheKeyStateIsLeftToTheGeneralPath() {
        // Guards new fields of ApiKeyState: one the decoder skipped unchecked would be read here.
        for (RecordComponent component : ApiKeyState.class.getRecordComponents()) {
            PublishedRecord record = ISSUED.withKey(key -> key.set(
                    component.getName(),
                    JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode())));

            assertThat(record.readFast()).as(component.getName()).isNull();
            assertThat(record.readTheGeneralWay()).as(component.getName()).isNull();
        }
    }

    @Test
    void whateverItReadsOfRandomlyBentEventsIsWhatTheGeneralPathReads() {
        List<PublishedRecord> samples = new ArrayList<>();
        for (List<KeygateEvent> events : SampleEvents.all().values()) {
            events.stream()
                    .filter(TokenEvent.class::isInstance)
                    .forEach(event -> samples.add(PublishedRecord.of(9, event)));
        }
        List<JsonNode> values = palette();
        SplittableRandom random = new SplittableRandom(20261129);
        int readFast = 0;
        int leftToGeneral = 0;
        for (int i = 0; i < 5_000; i++) {
            PublishedRecord sample = samples.get(random.nextInt(samples.size()));
            JsonNode value = values.get(random.nextInt(values.size()));
            PublishedRecord bent = random.nextBoolean()
                    ? sample.withKey(key -> key.set(fieldOf(key, random), value))
                    : sample.withData(data -> data.set(fieldOf(data, random), value));

            DecodedKeyEvent fast = bent.readFast();

            if (fast == null) {
                leftToGeneral++;
            } else {
                assertThat(fast).as(bent.dataText()).isEqualTo(bent.readTheGeneralWay());
                readFast++;
            }
        }
        assertThat(readFast).isPositive();
        assertThat(leftToGeneral).isPositive();
    }

    private static String fieldOf(JsonNode object, SplittableRandom random) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.addAll(List.of("reason", "rotateBy", "changedFields", "unknown", "expiresAt", "quota", "rateLimit"));
        return names.get(random.nextInt(names.size()));
    }

    private static List<JsonNode> palette() {
        return Stream.of(
                        "null",
                        "\"\"",
                        "\"x\"",
                        "0",
                        "-1",
                        "1",
                        "1.5",
                        "true",
                        "[]",
                        "[\"a\"]",
                        "[null]",
                        "[1]",
                        "{}",
                        "{\"requests\":1,\"per\":\"SECOND\"}",
                        "{\"requests\":5,\"per\":\"HOUR\",\"extra\":[1]}",
                        "{\"limit\":3}",
                        "{\"limit\":3,\"refill\":\"MONTH\"}",
                        "{\"limit\":0}",
                        "{\"a\":{\"b\":[]}}",
                        "\"2026-01-01T00:00:00Z\"",
                        "\"2026-01-01T00:00:00.1Z\"",
                        "\"2026-02-30T00:00:00Z\"",
                        "\"2026-01-01T00:00:00.Z\"",
                        "\"2026-01-01 00:00:00Z\"",
                        "\" 2026-01-01T00:00:00Z\"",
                        "\"ACTIVE\"",
                        "\"REVOKED\"",
                        "\"EXPIRED\"",
                        "\"active\"",
                        "\"1e3\"",
                        "9223372036854775808",
                        "\"203.0.113.0/24\"",
                        "[\"203.0.113.0/24\",\"nope\"]")
                .map(PublishedRecord::json)
                .toList();
    }

    private static PublishedRecord withRepeatedKeyId() {
        String text = ISSUED.dataText().replace("{\"key\":{", "{\"key\":{\"keyId\":\"other\",");
        return ISSUED.withValue(text.getBytes(StandardCharsets.UTF_8));
    }
}
