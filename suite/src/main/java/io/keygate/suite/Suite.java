package io.keygate.suite;

import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RedisServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine: the testkit's Kafka, PostgreSQL and Redis, every service as its own
 * JVM from its packaged artifact, and the demo upstream. The local run and the end-to-end tests both
 * start it, so the tests exercise exactly what a person runs.
 */
public final class Suite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final SuitePorts ports;
    private final RunDirectory run;
    private final DemoUpstream upstream;
    private final List<ServiceProcess> services;
    private final KafkaBroker kafka;

    private Suite(SuitePorts ports, RunDirectory run, DemoUpstream upstream, List<ServiceProcess> services, KafkaBroker kafka) {
        this.ports = ports;
        this.run = run;
        this.upstream = upstream;
        this.services = services;
        this.kafka = kafka;
    }

    /** Starts everything and returns when every service reports ready. */
    public static Suite start(Path repositoryRoot, SuitePorts ports, PrintStream progress) {
        long started = System.nanoTime();
        progress.println("Starting Kafka, PostgreSQL and Redis …");
        KafkaBroker kafka = Testkit.kafka();
        PostgresServer postgres = Testkit.postgres();
        RedisServer redis = Testkit.redis();
        for (String database : List.of("token_service", "policy_service", "audit_service", "analytics_service")) {
            postgres.createDatabase(database);
        }
        DemoUpstream upstream = DemoUpstream.start(ports.upstream());
        RunDirectory run = RunDirectory.create("suite");
        Map<String, String> secrets = Map.of("KEYGATE_API_KEY_PEPPER", newPepper(), "QUARKUS_DATASOURCE_PASSWORD",
                PostgresServer.PASSWORD);

        progress.println("Starting services (logs in " + run.path() + ") …");
        List<ServiceProcess> services = new ArrayList<>();
        Suite suite = new Suite(ports, run, upstream, services, kafka);
        try {
            services.add(ServiceProcess.start(repositoryRoot, run, "token-service", ports.token(),
                    eventSourced(withDatabase(common(kafka, ports.token()), postgres, "token_service")), secrets));
            services.add(ServiceProcess.start(repositoryRoot, run, "policy-service", ports.policy(),
                    eventSourced(withDatabase(common(kafka, ports.policy()), postgres, "policy_service")), secrets));
            Map<String, String> gateway = consumer(common(kafka, ports.gatewayAdmin()));
            gateway.put("keygate.gateway.proxy.port", Integer.toString(ports.gatewayProxy()));
            gateway.put("keygate.gateway.proxy.host", "127.0.0.1");
            gateway.put("keygate.gateway.id", "gateway-1");
            services.add(ServiceProcess.start(repositoryRoot, run, "edge-gateway", ports.gatewayAdmin(), gateway, secrets));
            services.add(ServiceProcess.start(repositoryRoot, run, "audit-service", ports.audit(),
                    consumer(withDatabase(common(kafka, ports.audit()), postgres, "audit_service")), secrets));
            services.add(ServiceProcess.start(repositoryRoot, run, "analytics-service", ports.analytics(),
                    consumer(withDatabase(common(kafka, ports.analytics()), postgres, "analytics_service")), secrets));
            for (ServiceProcess service : services) {
                service.awaitReady(START_TIMEOUT);
                progress.println("  " + service.name() + " ready");
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        progress.printf("Suite ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return suite;
    }

    /** Where everything listens. */
    public SuitePorts ports() {
        return ports;
    }

    /** The demo upstream. */
    public DemoUpstream upstream() {
        return upstream;
    }

    /** Kafka's bootstrap servers. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Directory holding the services' logs. */
    public Path logDirectory() {
        return run.path();
    }

    /** The running services. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the services (gracefully), the upstream and the testkit servers, and deletes their data. */
    @Override
    public void close() {
        services.parallelStream().forEach(ServiceProcess::close);
        upstream.close();
        Testkit.stopAll();
        run.delete();
    }

    private static Map<String, String> common(KafkaBroker kafka, int httpPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return properties;
    }

    /** One broker: topics a service creates get replication factor 1. */
    private static Map<String, String> eventSourced(Map<String, String> properties) {
        properties.put("keygate.eventstore.replication-factor", "1");
        return properties;
    }

    private static Map<String, String> consumer(Map<String, String> properties) {
        properties.put("keygate.kafka.replication-factor", "1");
        return properties;
    }

    private static Map<String, String> withDatabase(Map<String, String> properties, PostgresServer postgres, String database) {
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        properties.put("quarkus.datasource.username", PostgresServer.USER);
        return properties;
    }

    private static String newPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
