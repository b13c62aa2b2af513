package io.keygate.suite;

import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final String bootstrapAdminPassword;

    private Suite(
            SuitePorts ports,
            RunDirectory run,
            DemoUpstream upstream,
            List<ServiceProcess> services,
            KafkaBroker kafka,
            String bootstrapAdminPassword) {
        this.ports = ports;
        this.run = run;
        this.upstream = upstream;
        this.services = services;
        this.kafka = kafka;
        this.bootstrapAdminPassword = bootstrapAdminPassword;
    }

    /** The one-time password of the first platform admin ({@link ConsoleLogin#BOOTSTRAP_ADMIN}). */
    public String bootstrapAdminPassword() {
        return bootstrapAdminPassword;
    }

    /** Starts everything and returns when every service reports ready. */
    public static Suite start(Path repositoryRoot, SuitePorts ports, PrintStream progress) {
        long started = System.nanoTime();
        progress.println("Starting Kafka, PostgreSQL and Redis …");
        KafkaBroker kafka = Testkit.kafka();
        PostgresServer postgres = Testkit.postgres();
        Testkit.redis(); // started for the local run as promised; the gateway's cluster rate limits will use it
        DemoUpstream upstream = DemoUpstream.start(ports.upstream());
        RunDirectory run = RunDirectory.create("suite");
        ServiceLauncher launcher = new ServiceLauncher(repositoryRoot, run, kafka, postgres, ports.token());

        progress.println("Starting services (logs in " + run.path() + ") …");
        List<ServiceProcess> services = new ArrayList<>();
        Suite suite = new Suite(ports, run, upstream, services, kafka, launcher.bootstrapAdminPassword());
        try {
            services.add(launcher.tokenService(ports.token()));
            services.add(launcher.policyService(ports.policy()));
            services.add(launcher.edgeGateway(ports.gatewayProxy(), ports.gatewayAdmin()));
            services.add(launcher.auditService(ports.audit()));
            services.add(launcher.analyticsService(ports.analytics()));
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
}
