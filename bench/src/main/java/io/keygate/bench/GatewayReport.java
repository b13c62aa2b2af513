package io.keygate.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The Markdown the gateway benchmark prints: medians, the runs behind them, the ratios against the aims. */
final class GatewayReport {

    /** Aim of issue 6: the gateway's throughput at least nginx-with-a-key-map's. */
    static final double AIM_THROUGHPUT_VS_C = 1.0;
    /** Aim of issue 6: the gateway's p99 at most 1.5 times nginx-with-a-key-map's. */
    static final double AIM_P99_VS_C = 1.5;
    /** Aim of issue 6: a revocation enforced within 100 ms (p99). */
    static final double AIM_REVOCATION_P99_MILLIS = 100;
    /** Aim of issue 6: a gateway on a million keys ready within 15 s. */
    static final double AIM_READY_SECONDS = 15;
    /** Aim of issue 6: under 500 bytes of heap per key. */
    static final double AIM_HEAP_BYTES_PER_KEY = 500;

    private GatewayReport() {}

    /**
     * The table of medians (throughput, latency, and the CPU a request cost the server and the whole machine), the
     * runs, and the ratios d/c, d/b, e/c, m/c, d/m.
     */
    static String throughput(
            GatewayBenchOptions options,
            Map<GatewayLine, List<LoadResult>> results,
            Map<GatewayLine, List<CpuClock.CpuPerRequest>> cpu,
            Map<GatewayLine, String> unavailable) {
        StringBuilder out = new StringBuilder("\n");
        out.append(("| %d s per line, %d connections, %d keys, median of %d runs | req/s | p50 ms | p99 ms "
                        + "| server CPU µs/req | machine CPU µs/req |%n")
                .formatted(options.phase().toSeconds(), options.connections(), options.keys(), options.runs()));
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (GatewayLine line : options.lines()) {
            List<LoadResult> runs = results.get(line);
            if (unavailable.containsKey(line) || runs == null || runs.isEmpty()) {
                out.append("| %s | not available | | | | |%n".formatted(line.label()));
            } else {
                List<CpuClock.CpuPerRequest> costs = cpu.getOrDefault(line, List.of());
                out.append("| %s | %.0f | %.2f | %.2f | %s | %s |%n"
                        .formatted(
                                line.label(),
                                median(runs, LoadResult::perSecond),
                                median(runs, LoadResult::p50Millis),
                                median(runs, LoadResult::p99Millis),
                                micros(costs, CpuClock.CpuPerRequest::serverMicros),
                                micros(costs, CpuClock.CpuPerRequest::machineMicros)));
            }
        }
        out.append('\n');
        for (GatewayLine line : options.lines()) {
            if (unavailable.containsKey(line)) {
                out.append("%s: not available: %s%n".formatted(line.letter(), unavailable.get(line)));
            } else if (results.containsKey(line)) {
                out.append("Runs %s: %s%n".formatted(line.letter(), runsOf(results.get(line))));
            }
        }
        out.append('\n');
        ratio(out, results, cpu, unavailable, GatewayLine.D, GatewayLine.C, true);
        ratio(out, results, cpu, unavailable, GatewayLine.D, GatewayLine.B, false);
        ratio(out, results, cpu, unavailable, GatewayLine.E, GatewayLine.C, true);
        ratio(out, results, cpu, unavailable, GatewayLine.M, GatewayLine.C, false);
        ratio(out, results, cpu, unavailable, GatewayLine.D, GatewayLine.M, false);
        return out.toString();
    }

    /** Revocation propagation delays against the aim. */
    static String revocation(int keys, Histogram delaysMicros) {
        double p99 = delaysMicros.getValueAtPercentile(99) / 1000.0;
        return """

                | revocation propagation, %d keys one after another | p50 ms | p99 ms | max ms |
                |---|---:|---:|---:|
                | revocation published (as the outbox relay: acks=all, no linger) → gateway answers 401 | %.2f | %.2f | %.2f |

                Aim p99 < %.0f ms: %s
                """.formatted(
                        keys,
                        delaysMicros.getValueAtPercentile(50) / 1000.0,
                        p99,
                        delaysMicros.getMaxValue() / 1000.0,
                        AIM_REVOCATION_P99_MILLIS,
                        metOrNot(p99 < AIM_REVOCATION_P99_MILLIS));
    }

    /** Cold start against the aims. */
    static String coldStart(ColdStart.Result result) {
        double ready = result.startToReady().toMillis() / 1000.0;
        double perKey = result.heapBytesPerKey();
        String runs = result.startsToReady().stream()
                .map(start -> "%.2f".formatted(start.toMillis() / 1000.0))
                .collect(Collectors.joining(" · "));
        return """

                | cold start, median of %d | keys on the topic | keys loaded | process start → ready s | live heap MiB |
                |---|---:|---:|---:|---:|
                | baseline (no keys) | 0 | | %.2f | %.1f |
                | with keys | %d | %d | %.2f | %.1f |

                Runs (process start → ready s): %s
                Keys published in %.1f s. Heap per key (live heap after a full GC, minus the baseline): %.0f bytes.
                Aims: ready < %.0f s: %s; < %.0f bytes of heap per key: %s
                """.formatted(
                        result.startsToReady().size(),
                        result.baselineStartToReady().toMillis() / 1000.0,
                        result.baselineHeapBytes() / 1048576.0,
                        result.keys(),
                        result.keysLoaded(),
                        ready,
                        result.heapBytes() / 1048576.0,
                        runs,
                        result.produce().toMillis() / 1000.0,
                        perKey,
                        AIM_READY_SECONDS,
                        metOrNot(ready < AIM_READY_SECONDS),
                        AIM_HEAP_BYTES_PER_KEY,
                        metOrNot(perKey < AIM_HEAP_BYTES_PER_KEY));
    }

    private static void ratio(
            StringBuilder out,
            Map<GatewayLine, List<LoadResult>> results,
            Map<GatewayLine, List<CpuClock.CpuPerRequest>> cpu,
            Map<GatewayLine, String> unavailable,
            GatewayLine line,
            GatewayLine base,
            boolean withAim) {
        if (!results.containsKey(line)
                || !results.containsKey(base)
                || unavailable.containsKey(line)
                || unavailable.containsKey(base)) {
            return;
        }
        double throughput =
                median(results.get(line), LoadResult::perSecond) / median(results.get(base), LoadResult::perSecond);
        double p99 =
                median(results.get(line), LoadResult::p99Millis) / median(results.get(base), LoadResult::p99Millis);
        out.append("%s/%s: throughput %.2f ×, p99 %.2f ×".formatted(line.letter(), base.letter(), throughput, p99));
        if (withAim) {
            out.append(" (aim ≥ %.1f × throughput: %s; p99 ≤ %.1f ×: %s)"
                    .formatted(
                            AIM_THROUGHPUT_VS_C,
                            metOrNot(throughput >= AIM_THROUGHPUT_VS_C),
                            AIM_P99_VS_C,
                            metOrNot(p99 <= AIM_P99_VS_C)));
        }
        List<CpuClock.CpuPerRequest> lineCpu = cpu.getOrDefault(line, List.of());
        List<CpuClock.CpuPerRequest> baseCpu = cpu.getOrDefault(base, List.of());
        if (!lineCpu.isEmpty() && !baseCpu.isEmpty()) {
            out.append("; CPU per request: server %.2f ×, machine %.2f ×"
                    .formatted(
                            median(lineCpu, CpuClock.CpuPerRequest::serverMicros)
                                    / median(baseCpu, CpuClock.CpuPerRequest::serverMicros),
                            median(lineCpu, CpuClock.CpuPerRequest::machineMicros)
                                    / median(baseCpu, CpuClock.CpuPerRequest::machineMicros)));
        }
        out.append('\n');
    }

    private static String micros(List<CpuClock.CpuPerRequest> costs, ToDoubleFunction<CpuClock.CpuPerRequest> of) {
        return costs.isEmpty() ? "" : "%.1f".formatted(median(costs, of));
    }

    private static String runsOf(List<LoadResult> runs) {
        return runs.stream()
                .map(run -> "%.0f/s p50 %.2f p99 %.2f ms".formatted(run.perSecond(), run.p50Millis(), run.p99Millis()))
                .collect(Collectors.joining(" · "));
    }

    private static String metOrNot(boolean met) {
        return met ? "met" : "not met";
    }

    static <T> double median(List<T> results, ToDoubleFunction<T> metric) {
        List<Double> values = results.stream()
                .map(metric::applyAsDouble)
                .sorted(Comparator.naturalOrder())
                .toList();
        return values.get(values.size() / 2);
    }
}
