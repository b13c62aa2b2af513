package io.keygate.bench;

import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.testkit.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Cold start: gateways started one after another on a broker whose token topic holds many keys, each timed from its
 * process start to ready, and their live heap after a full GC beside that of a gateway started on the same broker before any key was
 * published (the baseline). Runs on a broker of its own, so the other measurements' keys and call records are not
 * counted.
 */
final class ColdStart {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the cold starts measured: each keyed start's time to ready and live heap, in the order they ran.
     *
     * @param keysLoaded the fewest keys a keyed gateway reported when ready
     */
    record Result(
            int keys,
            Duration produce,
            Duration baselineStartToReady,
            List<Duration> startsToReady,
            long keysLoaded,
            long baselineHeapBytes,
            List<Long> heapsBytes) {

        Result {
            startsToReady = List.copyOf(startsToReady);
            heapsBytes = List.copyOf(heapsBytes);
        }

        /** The median time from process start to ready. */
        Duration startToReady() {
            return median(startsToReady);
        }

        /** The median live heap after a full GC. */
        long heapBytes() {
            return median(heapsBytes);
        }

        double heapBytesPerKey() {
            return (heapBytes() - baselineHeapBytes) / (double) keys;
        }

        private static <T extends Comparable<T>> T median(List<T> values) {
            List<T> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    private ColdStart() {}

    /**
     * @param starts   how many gateways are started one after another on the same keys, each alone
     * @param gateways starts a gateway against the given bootstrap servers
     */
    static Result measure(int keys, int starts, BenchTenant tenant, Function<String, BenchGateway> gateways)
            throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            StatePublisher.createTopics(bootstrap);
            BenchGateway.Readiness baselineReady;
            long baselineHeap;
            try (BenchGateway baseline = gateways.apply(bootstrap)) {
                baselineReady = baseline.awaitReady(READY_TIMEOUT);
                baselineHeap = baseline.liveHeapBytes();
            }
            Duration produce = publish(bootstrap, keys, tenant);
            List<Duration> startsToReady = new ArrayList<>();
            List<Long> heaps = new ArrayList<>();
            long keysLoaded = Long.MAX_VALUE;
            for (int start = 1; start <= starts; start++) {
                try (BenchGateway gateway = gateways.apply(bootstrap)) {
                    BenchGateway.Readiness ready = gateway.awaitReady(READY_TIMEOUT);
                    startsToReady.add(ready.startToReady());
                    keysLoaded = Math.min(keysLoaded, ready.keys());
                    heaps.add(gateway.liveHeapBytes());
                    System.out.printf(
                            "cold start %d: ready in %.2f s with %d keys%n",
                            start, ready.startToReady().toMillis() / 1000.0, ready.keys());
                }
            }
            return new Result(
                    keys, produce, baselineReady.startToReady(), startsToReady, keysLoaded, baselineHeap, heaps);
        }
    }

    /** The route, the subscriptions and {@code keys} active keys, as fast as the producer sends them. */
    private static Duration publish(String bootstrap, int keys, BenchTenant tenant) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom();
        byte[] digest = new byte[32];
        try (StatePublisher publisher = new StatePublisher(bootstrap, 20)) {
            // The route's upstream is never called: no request is sent during a cold start.
            publisher.send(1, new RouteDefined(tenant.route("http://127.0.0.1:9")));
            for (SubscriptionState subscription : tenant.subscriptions()) {
                publisher.send(1, new SubscriptionApproved(subscription));
            }
            for (int i = 0; i < keys; i++) {
                random.nextBytes(digest);
                String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
                // A hash of a real one's length stands in for a secret and its HMAC: these keys are never presented.
                String masked = "kg_live_…" + hash.substring(hash.length() - 4);
                publisher.send(1, new ApiKeyIssued(tenant.activeKey(i, hash, masked)));
            }
            publisher.flush();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
