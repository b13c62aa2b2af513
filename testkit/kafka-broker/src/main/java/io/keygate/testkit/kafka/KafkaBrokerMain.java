package io.keygate.testkit.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Entry point of the broker child JVM: starts {@code kafka.Kafka} and, beside it, a watchdog that ends
 * the broker and deletes its data as soon as the JVM that launched it is gone, however it died. This is
 * what keeps an interrupted test run from leaving brokers behind.
 */
public final class KafkaBrokerMain {

    /** System property: pid of the launching JVM. */
    public static final String PARENT_PID_PROPERTY = "keygate.testkit.parent-pid";
    /** System property: the run directory to delete when the launching JVM is gone. */
    public static final String RUN_DIR_PROPERTY = "keygate.testkit.run-dir";
    /** Classpath resource (next to this class) listing the broker's jars. */
    public static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(System.getProperty(PARENT_PID_PROPERTY));
        Path runDir = Path.of(System.getProperty(RUN_DIR_PROPERTY));
        Thread watchdog = new Thread(
                () -> {
                    ProcessHandle.of(parentPid)
                            .ifPresent(parent -> parent.onExit().join());
                    deleteRecursively(runDir);
                    Runtime.getRuntime().halt(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Best effort: the next run's sweep deletes what is left.
        }
    }
}
