package io.keygate.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Markdown table of the rate-limit accuracy benchmark: per mode, the run of median admitted / allowed, and every
 * run with the load it was offered (a run offered less than L cannot admit what L allows: the machine was the limit).
 */
final class RateLimitAccuracyReport {

    /** How far admitted may be from allowed, per mode (issue 6): local mode has no aim across gateways. */
    private static final Map<String, Double> AIMS = Map.of("cluster", 0.02, "hybrid", 0.10);

    private RateLimitAccuracyReport() {}

    static String table(RateLimitAccuracyOptions options, int gateways, Map<String, List<AccuracyRun>> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                "%d gateways, plan rate limit L = %d/s (bucket %d), %d s per run, median of %d runs%n%n",
                gateways,
                options.limit(),
                options.capacity(),
                options.phase().toSeconds(),
                options.runs()));
        table.append(
                "| mode | offered | admitted | allowed | admitted / allowed | aim | every run (offered) | decided locally |\n");
        table.append("|---|---:|---:|---:|---:|---|---|---:|\n");
        results.forEach((mode, runs) -> {
            AccuracyRun median = median(runs);
            Double aim = AIMS.get(mode);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f × L | %d | %.0f | %.2f %% | %s | %s | %d |%n",
                    mode,
                    median.overload(options.limit()),
                    median.admitted(),
                    median.allowed(),
                    100 * median.ratio(),
                    aim == null ? "—" : verdict(median, aim),
                    runs.stream()
                            .map(run -> String.format(
                                    Locale.ROOT,
                                    "%.2f %% (%.1f × L)",
                                    100 * run.ratio(),
                                    run.overload(options.limit())))
                            .collect(Collectors.joining(", ")),
                    runs.stream().mapToLong(AccuracyRun::decidedLocally).sum()));
        });
        return table.toString();
    }

    /** The run whose ratio is the median (the lower middle one of an even count). */
    static AccuracyRun median(List<AccuracyRun> runs) {
        List<AccuracyRun> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(AccuracyRun::ratio))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String verdict(AccuracyRun median, double aim) {
        String within = Math.abs(median.ratio() - 1) <= aim ? "met" : "missed";
        return String.format(Locale.ROOT, "±%.0f %%: %s", 100 * aim, within);
    }
}
