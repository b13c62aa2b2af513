package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayReportTest {

    private static final GatewayBenchOptions ALL_LINES = GatewayBenchOptions.parse(new String[] {"10", "16", "3"});

    private static LoadResult run(double perSecond, double p99) {
        return new LoadResult((long) perSecond * 10, perSecond, p99 / 4, p99, p99 * 2);
    }

    @Test
    void mediansAreOfTheRunsAndRatiosOfTheMedians() {
        Map<GatewayLine, List<LoadResult>> results = Map.of(
                GatewayLine.B, List.of(run(20_000, 4), run(22_000, 5), run(21_000, 6)),
                GatewayLine.C, List.of(run(10_000, 2), run(12_000, 3), run(11_000, 4)),
                GatewayLine.D, List.of(run(12_000, 4), run(13_000, 4), run(14_000, 5)));

        String report = GatewayReport.throughput(ALL_LINES, results, Map.of(), Map.of());

        assertThat(report)
                .contains(
                        "| (c) nginx reverse proxy + API-key `map` + `limit_req` per key | 11000 | 0.75 | 3.00 |  |  |");
        assertThat(report)
                .contains("d/c: throughput 1.18 ×, p99 1.33 × (aim ≥ 1.0 × throughput: met; p99 ≤ 1.5 ×: met)");
        assertThat(report).contains("d/b: throughput 0.62 ×, p99 0.80 ×\n");
    }

    @Test
    void anAimMissedSaysSo() {
        Map<GatewayLine, List<LoadResult>> results = Map.of(
                GatewayLine.C, List.of(run(10_000, 2)),
                GatewayLine.D, List.of(run(9_000, 4)));

        assertThat(GatewayReport.throughput(ALL_LINES, results, Map.of(), Map.of()))
                .contains("d/c: throughput 0.90 ×, p99 2.00 × (aim ≥ 1.0 × throughput: not met; p99 ≤ 1.5 ×: not met)");
    }

    @Test
    void anUnavailableLineIsReportedWithItsReasonAndWithoutRatio() {
        Map<GatewayLine, List<LoadResult>> results = Map.of(
                GatewayLine.C, List.of(run(10_000, 2)),
                GatewayLine.D, List.of(run(9_000, 4)));

        String report = GatewayReport.throughput(
                ALL_LINES, results, Map.of(), Map.of(GatewayLine.E, "the gateway did not start in cluster mode"));

        assertThat(report).contains("| (e) as (d) with cluster rate limiting in Redis | not available | | | | |");
        assertThat(report).contains("e: not available: the gateway did not start in cluster mode");
        assertThat(report).doesNotContain("e/c");
    }

    @Test
    void cpuPerRequestIsTheMedianOfTheRunsAndComparedLikeThroughput() {
        Map<GatewayLine, List<LoadResult>> results = Map.of(
                GatewayLine.C, List.of(run(10_000, 2), run(11_000, 2), run(12_000, 2)),
                GatewayLine.D, List.of(run(5_000, 3), run(6_000, 3), run(7_000, 3)));
        Map<GatewayLine, List<CpuClock.CpuPerRequest>> cpu = Map.of(
                GatewayLine.C,
                List.of(
                        new CpuClock.CpuPerRequest(20, 40),
                        new CpuClock.CpuPerRequest(22, 45),
                        new CpuClock.CpuPerRequest(30, 50)),
                GatewayLine.D,
                List.of(
                        new CpuClock.CpuPerRequest(50, 80),
                        new CpuClock.CpuPerRequest(44, 90),
                        new CpuClock.CpuPerRequest(40, 70)));

        String report = GatewayReport.throughput(ALL_LINES, results, cpu, Map.of());

        assertThat(report).contains("| 11000 | 0.50 | 2.00 | 22.0 | 45.0 |");
        assertThat(report).contains("| 6000 | 0.75 | 3.00 | 44.0 | 80.0 |");
        assertThat(report).contains("p99 ≤ 1.5 ×: met); CPU per request: server 2.00 ×, machine 1.78 ×\n");
    }
}
