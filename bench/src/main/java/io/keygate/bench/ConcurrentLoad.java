package io.keygate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Runs {@code operations} calls of an operation on {@code concurrency} threads as fast as they complete
 * (closed loop), recording each call's latency in an HdrHistogram per thread, merged at the end.
 */
public final class ConcurrentLoad {

    /** One operation; {@code index} runs from 0 to operations-1, each exactly once. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    private ConcurrentLoad() {}

    /** Runs the load and returns throughput and latency; any failed operation fails the run. */
    public static LoadResult run(int operations, int concurrency, Operation operation) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Histogram>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    Histogram latencies = new Histogram(3_600_000_000L, 3);
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        operation.run(i);
                        latencies.recordValue(Math.max(1, (System.nanoTime() - began) / 1_000));
                    }
                    return latencies;
                }));
            }
            Histogram all = new Histogram(3_600_000_000L, 3);
            for (Future<Histogram> worker : workers) {
                all.add(worker.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult(
                    all.getTotalCount(),
                    all.getTotalCount() / seconds,
                    all.getValueAtPercentile(50) / 1000.0,
                    all.getValueAtPercentile(99) / 1000.0,
                    all.getMaxValue() / 1000.0);
        } finally {
            pool.shutdownNow();
        }
    }
}
