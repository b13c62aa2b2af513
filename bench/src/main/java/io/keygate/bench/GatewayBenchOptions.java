package io.keygate.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code bench/gateway.sh [seconds] [connections] [runs] [--option=value …]}.
 *
 * @param phase        length of each measured wrk run
 * @param connections  wrk connections
 * @param runs         runs of every line, interleaved
 * @param lines        the lines to measure
 * @param warmup       warm-up of each gateway line before the first run (nginx lines: at most 5 s)
 * @param keys         API keys loaded into the gateway and nginx's map
 * @param revocations  keys whose revocation propagation is measured; 0 skips it
 * @param coldStartKeys keys on the topic for the cold start; 0 skips it
 * @param coldStarts   gateways started one after another on the same keys (the report gives their median)
 */
record GatewayBenchOptions(
        Duration phase,
        int connections,
        int runs,
        Set<GatewayLine> lines,
        Duration warmup,
        int keys,
        int revocations,
        int coldStartKeys,
        int coldStarts) {

    static final String USAGE = "bench/gateway.sh [seconds] [connections] [runs] [--lines=a,b,c,d,e,m] [--warmup=20]"
            + " [--keys=10000] [--revocations=1000] [--cold-start-keys=1000000] [--cold-starts=3]";

    static GatewayBenchOptions parse(String[] args) {
        BenchArguments arguments = BenchArguments.parse(
                args, 3, Set.of("lines", "warmup", "keys", "revocations", "cold-start-keys", "cold-starts"), USAGE);
        Set<GatewayLine> lines = arguments.option("lines", null) == null
                ? EnumSet.allOf(GatewayLine.class)
                : linesOf(arguments.option("lines", ""));
        int keys = arguments.intOption("keys", 10_000);
        int revocations = arguments.intOption("revocations", 1_000);
        int coldStarts = arguments.intOption("cold-starts", 3);
        if (revocations > keys) {
            throw new IllegalArgumentException("Cannot revoke more keys than are loaded (--keys)");
        }
        if (coldStarts < 1) {
            throw new IllegalArgumentException("--cold-starts must be at least 1");
        }
        return new GatewayBenchOptions(
                Duration.ofSeconds(arguments.positional(0, 10)),
                arguments.positional(1, 16),
                arguments.positional(2, 3),
                lines,
                Duration.ofSeconds(arguments.intOption("warmup", 20)),
                keys,
                revocations,
                arguments.intOption("cold-start-keys", 1_000_000),
                coldStarts);
    }

    /** Whether the gateway of line (d) must run: for its line or for the revocation measurement. */
    boolean needsLocalGateway() {
        return lines.contains(GatewayLine.D) || revocations > 0;
    }

    /** Whether anything but the cold start runs: a line to measure or revocations (which need line (d)'s gateway). */
    boolean measuresThroughputOrRevocation() {
        return !lines.isEmpty() || revocations > 0;
    }

    /** The lines of {@code --lines=a,d}; {@code --lines=} (empty) is none, e.g. for a cold-start-only run. */
    private static Set<GatewayLine> linesOf(String list) {
        Set<GatewayLine> lines = EnumSet.noneOf(GatewayLine.class);
        if (list.isBlank()) {
            return lines;
        }
        for (String letter : list.split(",")) {
            lines.add(GatewayLine.valueOf(letter.trim().toUpperCase(Locale.ROOT)));
        }
        return lines;
    }
}
