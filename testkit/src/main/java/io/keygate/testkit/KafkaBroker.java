package io.keygate.testkit;

import io.keygate.testkit.kafka.KafkaBrokerMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), run as a child
 * JVM from the Kafka server jars that the testkit build resolved. A separate process keeps Kafka's Scala,
 * Jackson and logging versions away from the Quarkus application under test.
 *
 * <p>The child watches this JVM: if this JVM dies, even by {@code kill -9}, the broker deletes its data
 * and exits (see {@link KafkaBrokerMain}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String STARTED_LINE = "Kafka Server started";

    private final RunDirectory dir;
    private final int port;
    private final String classpath;
    private final Path log4j;
    private final Path config;
    private volatile Process process;

    private KafkaBroker(RunDirectory dir, int port, String classpath, Path log4j, Path config, Process process) {
        this.dir = dir;
        this.port = port;
        this.classpath = classpath;
        this.log4j = log4j;
        this.config = config;
        this.process = process;
    }

    /** Formats storage and starts a broker on a free port; returns once it accepts clients. */
    public static KafkaBroker start() {
        RunDirectory dir = RunDirectory.create("kafka");
        try {
            int port = FreePorts.next();
            int controllerPort = FreePorts.next();
            Path config = writeServerProperties(dir.path(), port, controllerPort);
            Path log4j = writeLogConfig(dir.path());
            String classpath = brokerClasspath();

            run(
                    dir,
                    "format",
                    classpath,
                    log4j,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    newClusterId(),
                    "-c",
                    config.toString());
            Process broker =
                    launch(dir, "broker", classpath, log4j, KafkaBrokerMain.class.getName(), config.toString());
            dir.recordServerPid("kafka", broker.pid());
            KafkaBroker started = new KafkaBroker(dir, port, classpath, log4j, config, broker);
            started.awaitStarted(0);
            return started;
        } catch (IOException e) {
            dir.delete();
            throw new ServerStartException("Kafka broker did not start in " + dir, e);
        } catch (RuntimeException e) {
            dir.delete();
            throw e;
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Every record on a topic at the moment of the call, read from the beginning of each partition up
     * to its end offset, for assertions on what a service published.
     */
    public <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers(), "enable.auto.commit", false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The broker's port. */
    public int port() {
        return port;
    }

    /** Whether the broker process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops the broker process cleanly (SIGTERM) and keeps its data, so {@link #restart()} brings the same broker
     * back: for tests of what clients do while Kafka is away. A broker shared through {@link Testkit} must not be
     * stopped: give such a test a broker of its own.
     */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    /**
     * Starts the stopped broker again on the same port with the same data directory; returns once it accepts
     * clients.
     *
     * @throws IllegalStateException if the broker is running
     */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The broker is running: stop it first");
        }
        try {
            Path log = dir.path().resolve("kafka.log");
            long logLengthBefore = Files.exists(log) ? Files.size(log) : 0;
            process = launch(dir, "broker", classpath, log4j, KafkaBrokerMain.class.getName(), config.toString());
            dir.recordServerPid("kafka", process.pid());
            awaitStarted(logLengthBefore);
        } catch (IOException e) {
            throw new ServerStartException("Kafka broker did not restart in " + dir, e);
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
        dir.delete();
    }

    /** Waits for the started line in the broker's log after {@code fromLogOffset} (the log survives restarts). */
    private void awaitStarted(long fromLogOffset) throws IOException {
        Path log = dir.path().resolve("kafka.log");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerStartException("Kafka broker exited with " + process.exitValue() + "; see " + log
                        + " and " + dir.path().resolve("broker.out")
                        + LogTail.of(dir.path().resolve("broker.out"), 20));
            }
            if (Files.exists(log) && logSince(log, fromLogOffset).contains(STARTED_LINE)) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new ServerStartException("Kafka broker not started after " + START_TIMEOUT + "; see " + log);
    }

    private static String logSince(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(offset, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private static Path writeServerProperties(Path dir, int port, int controllerPort) throws IOException {
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                // Services create their topics with explicit settings; a typo must not create a topic.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    private static Path writeLogConfig(Path dir) throws IOException {
        String config = String.join(
                "\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + dir.resolve("kafka.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.kafkaserver.name = org.apache.kafka",
                "logger.kafkaserver.level = warn",
                "");
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** Kafka's own format: 16 random bytes, base64url without padding, not starting with '-'. */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static void run(
            RunDirectory dir, String name, String classpath, Path log4j, String mainClass, String... args)
            throws IOException {
        Process process = launch(dir, name, classpath, log4j, mainClass, args);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new ServerStartException(
                        "Kafka " + name + " failed" + LogTail.of(dir.path().resolve(name + ".out"), 20));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerStartException("Interrupted during Kafka " + name, e);
        }
    }

    private static Process launch(
            RunDirectory dir, String name, String classpath, Path log4j, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-D" + KafkaBrokerMain.PARENT_PID_PROPERTY + "="
                        + ProcessHandle.current().pid(),
                "-D" + KafkaBrokerMain.RUN_DIR_PROPERTY + "=" + dir.path(),
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.path().resolve(name + ".out").toFile())
                .start();
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBrokerMain.class.getResourceAsStream(KafkaBrokerMain.CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new ServerStartException(
                        KafkaBrokerMain.CLASSPATH_RESOURCE + " missing: build the testkit module with Maven");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownCodeLocation() + File.pathSeparator + jars;
        }
    }

    private static String ownCodeLocation() {
        try {
            return Path.of(KafkaBrokerMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("Interrupted while waiting for Kafka", e);
        }
    }
}
