package io.keygate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time read from {@code /proc}: of one server (its process and every process it started, such as nginx's workers)
 * and of the whole machine. Throughput on a shared two-core machine moves with whatever else runs; the CPU a request
 * costs moves far less, and it says why one line is faster than another.
 */
final class CpuClock {

    /** USER_HZ, the unit of the times in {@code /proc}; 100 on every Linux this runs on. */
    static final long TICKS_PER_SECOND = 100;

    private static final Path MACHINE = Path.of("/proc/stat");

    private final long pid;

    /** @param pid the server's process; the processes it started are counted with it */
    CpuClock(long pid) {
        this.pid = pid;
    }

    /** CPU ticks so far, or null where {@code /proc} does not show them (then no line gets CPU figures). */
    Reading read() {
        if (!Files.isReadable(MACHINE)) {
            return null;
        }
        try {
            long server = ProcessHandle.of(pid)
                    .map(root -> Stream.concat(Stream.of(root), root.descendants())
                            .mapToLong(process -> processTicks(process.pid()))
                            .sum())
                    .orElse(0L);
            return new Reading(server, machineBusyTicks(Files.readAllLines(MACHINE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MACHINE, e);
        }
    }

    /** CPU ticks of the server (its process tree) and of the whole machine (every core, busy time only). */
    record Reading(long serverTicks, long machineTicks) {

        /** What each of {@code requests} cost between {@code before} and this reading. */
        CpuPerRequest since(Reading before, long requests) {
            double microsPerTick = 1_000_000.0 / TICKS_PER_SECOND;
            long served = Math.max(1, requests);
            return new CpuPerRequest(
                    (serverTicks - before.serverTicks) * microsPerTick / served,
                    (machineTicks - before.machineTicks) * microsPerTick / served);
        }
    }

    /**
     * CPU microseconds per request.
     *
     * @param serverMicros  of the server under test alone
     * @param machineMicros of the whole machine: the server, wrk, the upstream, and what the server needs (Kafka)
     */
    record CpuPerRequest(double serverMicros, double machineMicros) {}

    /**
     * Busy ticks of all cores from {@code /proc/stat}'s first line: user, nice, system, irq, softirq and steal (idle
     * and iowait left out; guest time is already in user).
     */
    static long machineBusyTicks(List<String> procStat) {
        String[] fields = procStat.get(0).trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("Not /proc/stat's total line: " + procStat.get(0));
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += fields.length > field ? Long.parseLong(fields[field]) : 0;
        }
        return busy;
    }

    private static long processTicks(long pid) {
        try {
            return JitActivity.cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (NoSuchFileException ended) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
