package io.keygate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    static final String USAGE = "bench/gateway.sh [seconds] [connections] [runs] [--lines=a,b,c,d,e] [--warmup=20]"
            + " [--keys=10000] [--revocations=1000] [--cold-start-keys=1000000] [--cold-starts=3]";

    static GatewayBenchOptions parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Set<GatewayLine> lines = EnumSet.allOf(GatewayLine.class);
        int warmupSeconds = 20;
        int keys = 10_000;
        int revocations = 1_000;
        int coldStartKeys = 1_000_000;
        int coldStarts = 3;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String[] option = arg.substring(2).split("=", 2);
            if (option.length != 2) {
                throw new IllegalArgumentException("Option without value: " + arg + "\nUsage: " + USAGE);
            }
            switch (option[0]) {
                case "lines" -> lines = linesOf(option[1]);
                case "warmup" -> warmupSeconds = Integer.parseInt(option[1]);
                case "keys" -> keys = Integer.parseInt(option[1]);
                case "revocations" -> revocations = Integer.parseInt(option[1]);
                case "cold-start-keys" -> coldStartKeys = Integer.parseInt(option[1]);
                case "cold-starts" -> coldStarts = Integer.parseInt(option[1]);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\nUsage: " + USAGE);
            }
        }
        if (positional.size() > 3) {
            throw new IllegalArgumentException("Too many arguments\nUsage: " + USAGE);
        }
        if (revocations > keys) {
            throw new IllegalArgumentException("Cannot revoke more keys than are loaded (--keys)");
        }
        if (coldStarts < 1) {
            throw new IllegalArgumentException("--cold-starts must be at least 1");
        }
        return new GatewayBenchOptions(
                Duration.ofSeconds(positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10),
                positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 16,
                positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3,
                lines,
                Duration.ofSeconds(warmupSeconds),
                keys,
                revocations,
                coldStartKeys,
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
