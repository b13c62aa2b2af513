package io.keygate.bench;

import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.testkit.KafkaBroker;
import java.time.Duration;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Cold start: a gateway started on a broker whose token topic holds many keys, timed from its process start to
 * ready, and its live heap after a full GC beside that of a gateway started on the same broker before any key was
 * published (the baseline). Runs on a broker of its own, so the other measurements' keys and call records are not
 * counted.
 */
final class ColdStart {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    /** What a cold start measured. */
    record Result(
            int keys,
            Duration produce,
            Duration baselineStartToReady,
            Duration startToReady,
            long keysLoaded,
            long baselineHeapBytes,
            long heapBytes) {

        double heapBytesPerKey() {
            return (heapBytes - baselineHeapBytes) / (double) keys;
        }
    }

    private ColdStart() {}

    /**
     * @param gateways starts a gateway against the given bootstrap servers
     */
    static Result measure(int keys, BenchTenant tenant, Function<String, BenchGateway> gateways) throws Exception {
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
            try (BenchGateway gateway = gateways.apply(bootstrap)) {
                BenchGateway.Readiness ready = gateway.awaitReady(READY_TIMEOUT);
                return new Result(
                        keys,
                        produce,
                        baselineReady.startToReady(),
                        ready.startToReady(),
                        ready.keys(),
                        baselineHeap,
                        gateway.liveHeapBytes());
            }
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
                String masked = "kg_live_" + hash.substring(0, 4) + "…" + hash.substring(hash.length() - 4);
                publisher.send(1, new ApiKeyIssued(tenant.activeKey(i, hash, masked)));
            }
            publisher.flush();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
