package io.keygate.access.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SHA1_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RFC_SHA256_SECRET =
            "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:15Z");

    private final Totp totp = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({
        "59, 94287082, 46119246",
        "1111111109, 07081804, 68084774",
        "1111111111, 14050471, 67062674",
        "1234567890, 89005924, 91819424",
        "2000000000, 69279037, 90698825",
        "20000000000, 65353130, 77737706"
    })
    void rfc6238AppendixBVectorsOnAFixedClock(long unixTime, String sha1Code, String sha256Code) {
        Clock fixed = Clock.fixed(Instant.ofEpochSecond(unixTime), ZoneOffset.UTC);
        long step = Totp.stepAt(fixed.instant());

        assertThat(new Totp(fixed, 8, "HmacSHA1").codeAt(RFC_SHA1_SECRET, step)).isEqualTo(sha1Code);
        assertThat(new Totp(fixed, 8, "HmacSHA256").codeAt(RFC_SHA256_SECRET, step))
                .isEqualTo(sha256Code);
        assertThat(new Totp(fixed, 8, "HmacSHA1").verify(RFC_SHA1_SECRET, sha1Code, Long.MIN_VALUE))
                .hasValue(step);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValue() {
        Clock fixed = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);
        assertThat(new Totp(fixed).codeAt(RFC_SHA1_SECRET, Totp.stepAt(fixed.instant())))
                .isEqualTo("287082");
    }

    @Test
    void codesOfOneStepEitherSideAreAcceptedButNotTwoSteps() {
        long now = Totp.stepAt(NOW);

        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now - 1), Long.MIN_VALUE))
                .hasValue(now - 1);
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now), Long.MIN_VALUE)).hasValue(now);
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now + 1), Long.MIN_VALUE))
                .hasValue(now + 1);
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now - 2), Long.MIN_VALUE))
                .isEmpty();
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now + 2), Long.MIN_VALUE))
                .isEmpty();
    }

    @Test
    void aCodeIsNeverAcceptedTwiceNorAnOlderOneAfterIt() {
        long now = Totp.stepAt(NOW);
        OptionalLong accepted = totp.verify(RFC_SHA1_SECRET, codeAt(now), Long.MIN_VALUE);

        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now), accepted.getAsLong()))
                .isEmpty();
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now - 1), accepted.getAsLong()))
                .isEmpty();
        assertThat(totp.verify(RFC_SHA1_SECRET, codeAt(now + 1), accepted.getAsLong()))
                .hasValue(now + 1);
    }

    @Test
    void malformedCodesAreRefused() {
        assertThat(totp.verify(RFC_SHA1_SECRET, null, Long.MIN_VALUE)).isEmpty();
        assertThat(totp.verify(RFC_SHA1_SECRET, "12345", Long.MIN_VALUE)).isEmpty();
        assertThat(totp.verify(RFC_SHA1_SECRET, "12a456", Long.MIN_VALUE)).isEmpty();
    }

    private String codeAt(long step) {
        return totp.codeAt(RFC_SHA1_SECRET, step);
    }
}
