package io.keygate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code bench/rate-limit-accuracy.sh [seconds] [runs] [--option=value …]}.
 *
 * @param phase       length of each measured run
 * @param runs        runs per mode
 * @param modes       the gateways' rate-limit modes to measure, in order ({@code local}, {@code cluster},
 *                    {@code hybrid})
 * @param limit       the plan's rate limit L, requests per second, shared by the keys
 * @param burst       the plan's burst: the bucket holds L + burst
 * @param connections wrk connections per gateway
 * @param warmup      load on each set of gateways before its first run (for C2)
 * @param keys        API keys, all of one application, so all on the plan's one bucket
 */
record RateLimitAccuracyOptions(
        Duration phase,
        int runs,
        List<String> modes,
        long limit,
        long burst,
        int connections,
        Duration warmup,
        int keys) {

    static final String USAGE = "bench/rate-limit-accuracy.sh [seconds=30] [runs=3] [--modes=cluster,hybrid]"
            + " [--limit=1000] [--burst=0] [--connections=16] [--warmup=60] [--keys=3]";

    private static final List<String> MODES = List.of("local", "cluster", "hybrid");

    static RateLimitAccuracyOptions parse(String[] args) {
        BenchArguments arguments = BenchArguments.parse(
                args, 2, Set.of("modes", "limit", "burst", "connections", "warmup", "keys"), USAGE);
        List<String> modes = arguments.option("modes", null) == null
                ? List.of("cluster", "hybrid")
                : modesOf(arguments.option("modes", ""));
        long limit = arguments.longOption("limit", 1_000);
        long burst = arguments.longOption("burst", 0);
        int keys = arguments.intOption("keys", 3);
        if (limit < 1 || burst < 0 || keys < 1) {
            throw new IllegalArgumentException("--limit and --keys must be at least 1, --burst at least 0");
        }
        return new RateLimitAccuracyOptions(
                Duration.ofSeconds(arguments.positional(0, 30)),
                arguments.positional(1, 3),
                modes,
                limit,
                burst,
                arguments.intOption("connections", 16),
                Duration.ofSeconds(arguments.intOption("warmup", 60)),
                keys);
    }

    /** What the bucket holds when full: what an idle caller may send at once. */
    long capacity() {
        return limit + burst;
    }

    private static List<String> modesOf(String list) {
        List<String> modes = new ArrayList<>();
        for (String mode : list.split(",")) {
            String name = mode.trim().toLowerCase(Locale.ROOT);
            if (!MODES.contains(name)) {
                throw new IllegalArgumentException("Unknown mode " + mode + ": one of " + MODES);
            }
            modes.add(name);
        }
        return List.copyOf(modes);
    }
}
