package io.keygate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory owned by one JVM, holding the data of the servers that JVM started. Its owner's
 * pid and the pids of the server processes are written into it, so that a later run can find the
 * leftovers of a run that was killed before its shutdown hooks ran ({@link #sweepStaleRuns}): it kills
 * those processes and deletes the directory.
 */
public final class RunDirectory {

    /** All runs live below this root, so stale ones can be found. Override with {@code KEYGATE_TESTKIT_DIR}. */
    public static final Path ROOT = Path.of(System.getenv()
            .getOrDefault("KEYGATE_TESTKIT_DIR", System.getProperty("java.io.tmpdir") + "/keygate-testkit"));

    private static final String OWNER_FILE = "owner.pid";
    private static final String SERVER_PID_SUFFIX = ".server.pid";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** A new directory for one server, owned by this JVM; stale runs are swept first. */
    public static RunDirectory create(String serverName) {
        try {
            Files.createDirectories(ROOT);
            sweepStaleRuns();
            Path dir = Files.createTempDirectory(ROOT, serverName + "-");
            Files.writeString(
                    dir.resolve(OWNER_FILE),
                    Long.toString(ProcessHandle.current().pid()));
            return new RunDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a run directory under " + ROOT, e);
        }
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** Records a server process so that a sweep can kill it if this JVM dies without cleaning up. */
    public void recordServerPid(String name, long pid) {
        try {
            Files.writeString(path.resolve(name + SERVER_PID_SUFFIX), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the directory and everything in it. */
    public void delete() {
        deleteRecursively(path);
    }

    /**
     * Kills the server processes of runs whose owner JVM is gone and deletes their directories. Runs of
     * live JVMs (tests running in parallel, a local run in another terminal) are left alone.
     */
    public static synchronized void sweepStaleRuns() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> runs = Files.list(ROOT)) {
            for (Path run : runs.toList()) {
                Long owner = readPid(run.resolve(OWNER_FILE));
                if (owner == null
                        || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                killRecordedServers(run);
                deleteRecursively(run);
            }
        } catch (IOException e) {
            // Sweeping is best effort: a failure here must not stop the servers a test needs.
        }
    }

    private static void killRecordedServers(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SERVER_PID_SUFFIX))
                    .toList()) {
                Long pid = readPid(file);
                if (pid != null) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    private static Long readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? null : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Files may vanish while a stopping server cleans up after itself.
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
