package io.keygate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time a JVM's JIT compiler threads have used, read from {@code /proc} (Linux): a bench warms a service up until
 * its compilers fall quiet, because a run measured while C2 still compiles measures the JIT (on two cores, the
 * compilers of a cold Quarkus service take a third of the machine for its first minute under load).
 */
final class JitActivity {

    /** How long a warm-up round after the first one loads the JVM. */
    static final Duration ROUND = Duration.ofSeconds(10);
    /** At most this many rounds: a JIT still busy after two minutes of load is measured as it is. */
    static final int MAX_ROUNDS = 12;
    /** Compiler CPU, as a share of one core over a round, below which the JIT counts as done. */
    static final double QUIET_COMPILERS = 0.05;

    /** USER_HZ, the unit of the times in {@code /proc/<pid>/task/<tid>/stat}; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path tasks;

    JitActivity(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** One round of load, numbered from 1; {@code false} when it could not run, which ends the warm-up. */
    @FunctionalInterface
    interface Round {
        boolean load(int round) throws Exception;
    }

    /**
     * Loads the JVM in rounds until its compilers used less than {@link #QUIET_COMPILERS} of a core over a round (at
     * most {@link #MAX_ROUNDS} rounds); where {@code /proc} shows no threads, one round. On two cores C2 still takes
     * half a core for a minute after a 15-20 s warm-up, and a run measured meanwhile measures it too.
     *
     * @return the rounds run
     */
    int warmUntilQuiet(String label, Round round) throws Exception {
        for (int n = 1; ; n++) {
            boolean measured = available();
            Duration before = measured ? compilerCpu() : Duration.ZERO;
            long started = System.nanoTime();
            if (!round.load(n) || !measured) {
                return n;
            }
            double share = (double) compilerCpu().minus(before).toNanos() / (System.nanoTime() - started);
            System.out.printf("warm-up of %s, round %d: JIT compilers used %.0f %% of a core%n", label, n, 100 * share);
            if (share < QUIET_COMPILERS || n == MAX_ROUNDS) {
                return n;
            }
        }
    }

    /** Whether this machine shows threads in {@code /proc}; without it a warm-up cannot wait for the JIT. */
    boolean available() {
        return Files.isDirectory(tasks);
    }

    /** CPU time (user + system) of the process's compiler threads so far. */
    Duration compilerCpu() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (isCompiler(stat)) {
                        ticks += cpuTicks(stat);
                    }
                } catch (NoSuchFileException exited) {
                    // a thread that ended since the listing
                }
            }
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** HotSpot names its compiler threads "C1 CompilerThread<n>" and "C2 CompilerThread<n>" (cut to 15 characters). */
    static boolean isCompiler(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** utime + stime: fields 14 and 15 of the stat line, counted after the parenthesised name. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
