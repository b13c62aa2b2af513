package io.keygate.events.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTextTest {

    @Test
    void instantsAsInstantToStringWritesThemReadToTheSameMicroseconds() throws NotCanonicalException {
        SplittableRandom random = new SplittableRandom(17);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);

            assertThat(CanonicalText.instantMicros(instant.toString()))
                    .as(instant.toString())
                    .isEqualTo(micros(instant));
            assertThat(CanonicalText.instant(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00.1Z",
                "2026-01-01T00:00:00.12Z",
                "2026-01-01T00:00:00.1234Z",
                "2026-01-01T00:00:00.12345678Z"
            })
    void fractionsOfAnyLengthReadAsTheGeneralParserReadsThem(String text) throws NotCanonicalException {
        assertThat(CanonicalText.instantMicros(text)).isEqualTo(micros(Instant.parse(text)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00.Z",
                "2026-01-01T00:00:00",
                "2026-01-01t00:00:00Z",
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T24:00:00Z",
                "2016-12-31T23:59:60Z",
                "2026-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "+12026-01-01T00:00:00Z",
                "2026-01-01T00:00:00.1234567890Z",
                " 2026-01-01T00:00:00Z",
                "2026-01-0aT00:00:00Z"
            })
    void anythingElseIsNotCanonical(String text) {
        assertThatThrownBy(() -> CanonicalText.instantMicros(text)).isInstanceOf(NotCanonicalException.class);
    }

    @Test
    void eventIdsAndSourcesAsKeygateWritesThem() {
        assertThat(CanonicalText.isCanonicalUuid(bytes("019abf3e-7c1a-7def-8a2b-0123456789AB")))
                .isTrue();
        assertThat(CanonicalText.isCanonicalUuid(bytes("019abf3e-7c1a-7def-8a2b-0123456789AG")))
                .isFalse();
        assertThat(CanonicalText.isCanonicalUuid(bytes("1-1-1-1-1"))).isFalse();
        assertThat(CanonicalText.isCanonicalSource(bytes("/token-service"))).isTrue();
        assertThat(CanonicalText.isCanonicalSource(bytes("//token-service"))).isFalse();
        assertThat(CanonicalText.isCanonicalSource(bytes("/token service"))).isFalse();
        assertThat(CanonicalText.isCanonicalSource(bytes("token-service"))).isFalse();
    }

    @Test
    void sequencesAreUnsignedDecimals() throws NotCanonicalException {
        assertThat(CanonicalText.sequence(bytes("0"))).isZero();
        assertThat(CanonicalText.sequence(bytes("123456789012345678"))).isEqualTo(123456789012345678L);
        assertThatThrownBy(() -> CanonicalText.sequence(bytes("-1"))).isInstanceOf(NotCanonicalException.class);
        assertThatThrownBy(() -> CanonicalText.sequence(bytes("1234567890123456789")))
                .isInstanceOf(NotCanonicalException.class);
        assertThatThrownBy(() -> CanonicalText.sequence(bytes(""))).isInstanceOf(NotCanonicalException.class);
    }

    @Test
    void instantsReadToTheNanosecondAsInstantParseReadsThem() throws NotCanonicalException {
        for (String text : new String[] {
            "2026-12-06T10:15:30Z",
            "2026-12-06T10:15:30.1Z",
            "2026-12-06T10:15:30.123456Z",
            "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00.000000001Z",
            "9999-12-31T23:59:59.999999999Z"
        }) {
            assertThat(CanonicalText.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThatThrownBy(() -> CanonicalText.instant("2026-12-06T10:15:30+01:00"))
                .isInstanceOf(NotCanonicalException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** µs since the epoch, rounded down (also before the epoch). */
    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
