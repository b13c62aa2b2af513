package io.keygate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A test run killed with SIGKILL runs no shutdown hook; its servers must still go away. */
class InterruptedRunCleanupTest {

    @Test
    void brokerOfAKilledJvmStopsAndDeletesItsData() throws Exception {
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartKafkaAndWait.class.getName())
                .redirectErrorStream(true)
                .start();
        int port;
        try (var out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("PORT "));
            assertThat(line).as("broker started by the child JVM").isNotNull();
            port = Integer.parseInt(line.substring(5).trim());
        }
        assertThat(isListening(port)).isTrue();

        owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (isListening(port) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(isListening(port)).as("broker of the killed JVM stopped").isFalse();
        assertThat(runDirectoriesOf(owner.pid())).as("its data deleted").isEmpty();
    }

    @Test
    void sweepKillsServersOfADeadOwnerAndDeletesTheirDirectory() throws Exception {
        RunDirectory run = RunDirectory.create("sweep");
        Process fakeServer = new ProcessBuilder("sleep", "60").start();
        run.recordServerPid("fake", fakeServer.pid());
        Files.writeString(run.path().resolve("owner.pid"), "999999999"); // no such process

        RunDirectory.sweepStaleRuns();

        assertThat(fakeServer.waitFor(5, TimeUnit.SECONDS))
                .as("server of the dead owner killed")
                .isTrue();
        assertThat(run.path()).doesNotExist();
    }

    private static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static java.util.List<Path> runDirectoriesOf(long pid) throws Exception {
        try (var runs = Files.list(RunDirectory.ROOT)) {
            return runs.filter(dir -> {
                        try {
                            return Files.readString(dir.resolve("owner.pid"))
                                    .trim()
                                    .equals(Long.toString(pid));
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
