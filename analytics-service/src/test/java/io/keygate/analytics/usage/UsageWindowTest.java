package io.keygate.analytics.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:17:42Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MAX = Duration.ofDays(31);

    @Test
    void withoutParametersTheWindowIsTheLastHour() {
        UsageWindow window = UsageWindow.parse(null, null, NOW, HOUR, MAX);

        assertThat(window).isEqualTo(new UsageWindow(NOW.minus(HOUR), NOW));
        assertThat(window.firstMinute()).isEqualTo(Instant.parse("2026-11-29T09:17:00Z"));
    }

    @Test
    void fromDefaultsToAnHourBeforeTheGivenTo() {
        assertThat(UsageWindow.parse(null, "2026-01-01T00:00:00Z", NOW, HOUR, MAX)
                        .from())
                .isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    }

    @Test
    void exactlyThirtyOneDaysIsAllowedAndMoreIsRefusedNamingFrom() {
        assertThat(UsageWindow.parse("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", NOW, HOUR, MAX))
                .isNotNull();
        assertInvalid("from", "2026-01-01T00:00:00Z", "2026-02-01T00:00:01Z");
    }

    @Test
    void badInstantsAndEmptyRangesNameTheParameter() {
        assertInvalid("from", "yesterday", null);
        assertInvalid("to", null, "2026-11-29");
        assertInvalid("to", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        assertInvalid("to", "2030-01-01T00:00:00Z", null);
    }

    private static void assertInvalid(String parameter, String from, String to) {
        assertThatThrownBy(() -> UsageWindow.parse(from, to, NOW, HOUR, MAX))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
