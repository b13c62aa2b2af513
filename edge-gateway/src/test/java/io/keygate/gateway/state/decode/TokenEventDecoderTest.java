package io.keygate.gateway.state.decode;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.EventType;
import io.keygate.events.KeygateEvent;
import io.keygate.events.SampleEvents;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.events.token.TokenEvent;
import io.keygate.gateway.state.GatewayKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenEventDecoderTest {

    @Test
    void readsEverySampleTokenEventToWhatTheCodecReads() {
        int read = 0;
        for (Map.Entry<EventType, List<KeygateEvent>> samples :
                SampleEvents.all().entrySet()) {
            for (KeygateEvent event : samples.getValue()) {
                if (event instanceof TokenEvent) {
                    PublishedRecord record = PublishedRecord.of(7, event);

                    assertThat(record.readFast())
                            .as("%s: %s", samples.getKey(), record.dataText())
                            .isNotNull()
                            .isEqualTo(record.readTheGeneralWay());
                    read++;
                }
            }
        }
        assertThat(read).isGreaterThanOrEqualTo(EventType.values().length / 5);
    }

    @Test
    void leavesEveryOtherEventTypeToTheGeneralPath() {
        SampleEvents.all()
                .forEach((type, events) -> events.stream()
                        .filter(event -> !(event instanceof TokenEvent))
                        .forEach(
                                event -> assertThat(PublishedRecord.of(3, event).readFast())
                                        .as("%s", type)
                                        .isNull()));
    }

    static Stream<Arguments> keys() {
        Instant past = Instant.parse("2020-02-29T23:59:59Z");
        return Stream.of(
                Arguments.of("plain", anApiKey().build()),
                Arguments.of("expired by status", anApiKey().expired().build()),
                Arguments.of("expired by time", anApiKey().expiringAt(past).build()),
                Arguments.of(
                        "expiring, ms",
                        anApiKey()
                                .expiringAt(Instant.parse("2031-01-01T10:00:00.120Z"))
                                .build()),
                Arguments.of(
                        "expiring, µs",
                        anApiKey()
                                .expiringAt(Instant.parse("2031-01-01T10:00:00.000123Z"))
                                .build()),
                Arguments.of(
                        "expiring, ns",
                        anApiKey()
                                .expiringAt(Instant.parse("1969-12-31T23:59:59.999999999Z"))
                                .build()),
                Arguments.of("revoked", anApiKey().revoked("leaked").build()),
                Arguments.of(
                        "IP allow-list",
                        anApiKey()
                                .allowingOnly("203.0.113.0/24", "2001:db8::/32")
                                .build()),
                Arguments.of(
                        "unparsable allow-list entry",
                        anApiKey().allowingOnly("not a network").build()),
                Arguments.of(
                        "rate limit",
                        anApiKey()
                                .limitedTo(new RateLimit(100, RateLimitPeriod.MINUTE))
                                .build()),
                Arguments.of(
                        "quota refilled",
                        anApiKey()
                                .withQuota(new Quota(5_000, QuotaRefill.MONTH))
                                .build()),
                Arguments.of(
                        "one-off quota",
                        anApiKey().withQuota(new Quota(Long.MAX_VALUE, null)).build()),
                Arguments.of(
                        "scopes",
                        anApiKey().withScopes("orders:read", "orders:write", "").build()),
                Arguments.of("no application", anApiKey().forApplication(null).build()),
                Arguments.of(
                        "rotation grace", anApiKey().rotatedTo("new-hash", past).build()),
                Arguments.of("every field", everyField()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void readsEveryKindOfKeyToWhatTheCodecReads(String kind, ApiKeyState key) {
        for (TokenEvent event : List.of(
                new ApiKeyIssued(key), new ApiKeyRevoked(key, "why"), new ApiKeyRotated(key), new ApiKeyExpired(key))) {
            PublishedRecord record = PublishedRecord.of(42, event);

            DecodedKeyEvent decoded = record.readFast();

            assertThat(decoded).as(record.dataText()).isEqualTo(record.readTheGeneralWay());
            assertThat(decoded.sequence()).isEqualTo(42);
        }
    }

    @Test
    void keepsTheExpiryToTheMicrosecondAsTheGatewayKeyDoes() {
        Instant expiry = Instant.parse("2031-01-01T10:00:00.123456789Z");

        DecodedKeyEvent decoded = PublishedRecord.of(
                        1, new ApiKeyIssued(anApiKey().expiringAt(expiry).build()))
                .readFast();

        assertThat(decoded.key().expiresAtMicros()).isEqualTo(GatewayKey.micros(expiry));
    }

    @Test
    void aMissingSequenceIsZeroAsForTheCodec() {
        PublishedRecord record =
                PublishedRecord.of(5, new ApiKeyIssued(anApiKey().build())).withHeader("ce_sequence", null);

        assertThat(record.readFast()).isEqualTo(record.readTheGeneralWay());
        assertThat(record.readFast().sequence()).isZero();
    }

    @Test
    void eventsOfAPersonsRequestCarryingActorAndClientAddressAreReadFast() {
        // What the token-service publishes when a user issues, rotates or revokes a key through its API.
        PublishedRecord record = PublishedRecord.of(
                        5, new ApiKeyIssued(anApiKey().build()))
                .plusHeader("ce_actor", "user:usr_1")
                .plusHeader("ce_clientip", "203.0.113.9");

        assertThat(record.readFast()).isNotNull().isEqualTo(record.readTheGeneralWay());
    }

    @Test
    void headersThatAreNotCloudEventsOnesAreIgnoredAsTheSdkDoes() {
        PublishedRecord record = PublishedRecord.of(
                        5, new ApiKeyIssued(anApiKey().build()))
                .plusHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(record.readFast()).isNotNull().isEqualTo(record.readTheGeneralWay());
    }

    private static ApiKeyState everyField() {
        return new ApiKeyState(
                "key_full",
                "tenant_full",
                "name \"quoted\" ✓",
                "kg_live_AbCd…wXyZ",
                "hash_full",
                List.of("a:read"),
                ApiKeyStatus.ACTIVE,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00.5Z"),
                null,
                null,
                "a description",
                "app_full",
                List.of("198.51.100.7/32"),
                new RateLimit(1, RateLimitPeriod.SECOND),
                new Quota(1, QuotaRefill.DAY),
                Map.of("team", Map.of("name", "payments", "ids", List.of(1, 2.5, true))),
                "previous_hash",
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"));
    }
}
