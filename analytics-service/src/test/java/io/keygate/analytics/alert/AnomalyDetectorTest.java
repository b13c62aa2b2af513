package io.keygate.analytics.alert;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.consumed;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.call.CallRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    static final AlertRules RULES = new AlertRules(
            Duration.ofSeconds(10), 0.3, 6, 4, 8, 20, Duration.ofSeconds(60), 20, 10, Duration.ofHours(1), 3, 10_000);
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aSteadyKeyRaisesNothingAndASpikeRaisesExactlyOneCriticalAlert() {
        List<CallRecorded> calls = new ArrayList<>(steady("k1", T0, 60, new Random(1)));
        Instant spikeStart = T0.plusSeconds(600);
        calls.addAll(burst("k1", spikeStart, 400, 10_000, 200));
        calls.addAll(steady("k1", spikeStart.plusSeconds(30), 30, new Random(2)));

        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(calls));

        assertThat(alerts).hasSize(1);
        AlertRaised alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.REQUEST_RATE_SPIKE);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.suggestedAction()).isEqualTo(AlertAction.REVOKE_KEY);
        assertThat(alert.keyId()).isEqualTo("k1");
        assertThat(alert.windowStart()).isEqualTo(spikeStart);
        assertThat(alert.observed()).isEqualTo((long) Math.ceil(alert.threshold()));
        assertThat(alert.baseline()).isBetween(2.0, 8.0);
    }

    @Test
    void aModerateRiseClosesAsOneWarning() {
        List<CallRecorded> calls = new ArrayList<>(steady("k1", T0, 60, new Random(1)));
        Instant rise = T0.plusSeconds(600);
        calls.addAll(burst("k1", rise, 25, 10_000, 200));
        calls.addAll(steady("k1", rise.plusSeconds(10), 30, new Random(2)));

        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(calls));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(alert.suggestedAction()).isEqualTo(AlertAction.NONE);
            assertThat(alert.observed()).isEqualTo(25 + alertsBaselineCallsIn(calls, rise));
        });
    }

    @Test
    void noSpikeBeforeTheBaselineIsWarm() {
        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(burst("k1", T0, 500, 10_000, 200)));

        assertThat(alerts).isEmpty();
    }

    @Test
    void anAuthFailureBurstFromOneAddressRaisesExactlyOneAlertWhileItLasts() {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(failure(null, "203.0.113.9", T0.plusMillis(i * 500L)));
        }

        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(calls));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.AUTH_FAILURE_BURST_BY_IP);
            assertThat(alert.clientIp()).isEqualTo("203.0.113.9");
            assertThat(alert.keyId()).isNull();
            assertThat(alert.suggestedAction()).isEqualTo(AlertAction.BLOCK_IP);
            assertThat(alert.windowStart()).isEqualTo(T0);
            assertThat(alert.detectedAt()).isEqualTo(T0.plusMillis(19 * 500L));
        });
    }

    @Test
    void failuresSpreadWiderThanTheWindowAreNoBurstAndAQuietWindowEndsAnIncident() {
        List<CallRecorded> slow = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slow.add(failure(null, "203.0.113.9", T0.plusSeconds(i * 4L)));
        }
        assertThat(new AnomalyDetector(RULES).observe(consumed(slow))).isEmpty();

        List<CallRecorded> twoBursts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            twoBursts.add(failure(null, "203.0.113.9", T0.plusSeconds(i)));
            twoBursts.add(failure(null, "203.0.113.9", T0.plusSeconds(600 + i)));
        }
        twoBursts.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        assertThat(new AnomalyDetector(RULES).observe(consumed(twoBursts))).hasSize(2);
    }

    @Test
    void failuresNamingOneKeyFromManyAddressesAreABurstOfThatKey() {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            calls.add(failure("k9", "198.51.100." + i, T0.plusSeconds(i)));
        }

        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(calls));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.AUTH_FAILURE_BURST_BY_KEY);
            assertThat(alert.keyId()).isEqualTo("k9");
            assertThat(alert.suggestedAction()).isEqualTo(AlertAction.REVOKE_KEY);
        });
    }

    @Test
    void theSameIncidentDetectedAgainHasTheSameId() {
        List<CallRecorded> calls = new ArrayList<>(steady("k1", T0, 60, new Random(1)));
        calls.addAll(burst("k1", T0.plusSeconds(600), 400, 10_000, 200));

        assertThat(new AnomalyDetector(RULES).observe(consumed(calls)).get(0).alertId())
                .isEqualTo(new AnomalyDetector(RULES)
                        .observe(consumed(calls))
                        .get(0)
                        .alertId());
    }

    @Test
    void aKeyUsedFromANewAddressAfterLearningRaisesOneWarningPerAddress() {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            calls.add(ok("k1", "10.0.0." + (i % 2), T0.plusSeconds(i * 60L)));
        }
        calls.add(ok("k1", "198.51.100.7", T0.plusSeconds(7300)));
        calls.add(ok("k1", "198.51.100.7", T0.plusSeconds(7301)));
        calls.add(ok("k2", "10.0.0.1", T0.plusSeconds(7302)));

        List<AlertRaised> alerts = new AnomalyDetector(RULES).observe(consumed(calls));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.KEY_USED_FROM_NEW_IP);
            assertThat(alert.keyId()).isEqualTo("k1");
            assertThat(alert.clientIp()).isEqualTo("198.51.100.7");
            assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING);
        });
    }

    @Test
    void aKeyWithManyAddressesWhileLearningIsNotWatched() {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(ok("k1", "10.0.0." + i, T0.plusSeconds(i)));
        }
        calls.add(ok("k1", "198.51.100.7", T0.plusSeconds(7300)));

        assertThat(new AnomalyDetector(RULES).observe(consumed(calls))).isEmpty();
    }

    private static CallRecorded ok(String key, String ip, Instant at) {
        return io.keygate.analytics.usage.SampleCalls.call("acme", key, "rt_1", at, 200, 0, 0, 100, ip);
    }

    private static long alertsBaselineCallsIn(List<CallRecorded> calls, Instant intervalStart) {
        return calls.stream()
                        .filter(c -> !c.receivedAt().isBefore(intervalStart)
                                && c.receivedAt().isBefore(intervalStart.plusSeconds(10)))
                        .count()
                - 25;
    }

    /** About five calls per 10 s for {@code intervals} intervals, with some jitter. */
    static List<CallRecorded> steady(String key, Instant from, int intervals, Random random) {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            int n = 4 + random.nextInt(3);
            for (int j = 0; j < n; j++) {
                calls.add(call("acme", key, from.plusSeconds(i * 10L).plusMillis(j * 1500L), 200, 1, 1));
            }
        }
        return calls;
    }

    /** {@code n} calls spread over {@code millis} from {@code from}. */
    static List<CallRecorded> burst(String key, Instant from, int n, long millis, int status) {
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call("acme", key, from.plusMillis(i * millis / n), status, 1, 1));
        }
        return calls;
    }

    static CallRecorded failure(String key, String ip, Instant at) {
        return io.keygate.analytics.usage.SampleCalls.call("acme", key, "rt_1", at, 401, 0, 0, 100, ip);
    }
}
