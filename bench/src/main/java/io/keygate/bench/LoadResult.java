package io.keygate.bench;

/**
 * One load run: how many operations per second and the latency distribution.
 *
 * @param operations  operations completed
 * @param perSecond   throughput over the run's wall time
 * @param p50Millis   median latency
 * @param p99Millis   99th percentile latency
 * @param maxMillis   worst latency
 */
public record LoadResult(long operations, double perSecond, double p50Millis, double p99Millis, double maxMillis) {}
