package io.keygate.suite;

import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Knows how to configure and start each Keygate service as its own process against the testkit's
 * servers: one database per service, one Kafka, one shared API-key pepper generated per run. Secrets go
 * through the environment, never the command line.
 */
public final class ServiceLauncher {

    private final Path repositoryRoot;
    private final RunDirectory run;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Map<String, String> secrets;
    private final int tokenPort;
    private final String bootstrapAdminPassword;

    /**
     * @param tokenPort where the token-service listens: every service verifies the dashboard sessions it signs, by
     *                  its issuer
     */
    public ServiceLauncher(
            Path repositoryRoot, RunDirectory run, KafkaBroker kafka, PostgresServer postgres, int tokenPort) {
        this.repositoryRoot = repositoryRoot;
        this.run = run;
        this.kafka = kafka;
        this.postgres = postgres;
        this.tokenPort = tokenPort;
        this.bootstrapAdminPassword = randomBase64Url(18);
        this.secrets = Map.of(
                "KEYGATE_API_KEY_PEPPER",
                randomBase64Url(32),
                "KEYGATE_OAUTH_SIGNING_KEYS_ENCRYPTION_KEY",
                Base64.getEncoder().encodeToString(randomBytes(32)),
                "KEYGATE_BOOTSTRAP_ADMIN_PASSWORD",
                bootstrapAdminPassword,
                "QUARKUS_DATASOURCE_PASSWORD",
                PostgresServer.PASSWORD);
    }

    /** The one-time password of the platform admin the token-service creates on its first start. */
    public String bootstrapAdminPassword() {
        return bootstrapAdminPassword;
    }

    /** token-service on {@code port}, with database {@code token_service}. */
    public ServiceProcess tokenService(int port) {
        if (port != tokenPort) {
            throw new IllegalArgumentException(
                    "This launcher's token-service listens on " + tokenPort + ", not " + port);
        }
        Map<String, String> properties = eventSourced(withDatabase(common(port), "token_service"));
        properties.put("keygate.oauth.issuer", issuer(tokenPort));
        return start("token-service", port, properties);
    }

    /** policy-service on {@code port}, with database {@code policy_service}. */
    public ServiceProcess policyService(int port) {
        Map<String, String> properties = eventSourced(withDatabase(common(port), "policy_service"));
        // The demo upstream listens on loopback, which the SSRF guard refuses by default.
        properties.put("keygate.policy.upstreams.allow-private-targets", "true");
        return start("policy-service", port, properties);
    }

    /**
     * The gateway: proxy on {@code proxyPort}, admin API (health) on {@code adminPort}, accepting the access tokens
     * of the token-service this launcher was made for.
     */
    public ServiceProcess edgeGateway(int proxyPort, int adminPort) {
        Map<String, String> properties = consumer(common(adminPort));
        properties.put("keygate.gateway.jwt.issuer", issuer(tokenPort));
        properties.put("keygate.gateway.proxy.port", Integer.toString(proxyPort));
        properties.put("keygate.gateway.proxy.host", "127.0.0.1");
        properties.put("keygate.gateway.id", "gateway-1");
        return start("edge-gateway", adminPort, properties);
    }

    /** audit-service on {@code port}, with database {@code audit_service}. */
    public ServiceProcess auditService(int port) {
        return start("audit-service", port, consumer(withDatabase(common(port), "audit_service")));
    }

    /**
     * audit-service on {@code port}, with its own database, JVM options and extra configuration (tests and benchmarks
     * of one service alone).
     */
    public ServiceProcess auditService(
            int port, String database, List<String> jvmOptions, Map<String, String> configuration) {
        Map<String, String> properties = consumer(withDatabase(common(port), database));
        properties.putAll(configuration);
        return ServiceProcess.start(repositoryRoot, run, "audit-service", port, properties, secrets, jvmOptions);
    }

    /** analytics-service on {@code port}, with database {@code analytics_service}. */
    public ServiceProcess analyticsService(int port) {
        return analyticsService(port, "analytics_service", Map.of());
    }

    /**
     * analytics-service on {@code port}, with its own (new) database and extra properties (e.g. a consumer group of
     * its own). It publishes alerts through the event store, so its topics get replication factor 1 too.
     */
    public ServiceProcess analyticsService(int port, String database, Map<String, String> extra) {
        Map<String, String> properties = eventSourced(consumer(withDatabase(common(port), database)));
        properties.putAll(extra);
        return start("analytics-service", port, properties);
    }

    private ServiceProcess start(String module, int httpPort, Map<String, String> properties) {
        return ServiceProcess.start(repositoryRoot, run, module, httpPort, properties, secrets);
    }

    private Map<String, String> common(int httpPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("keygate.access.issuer", issuer(tokenPort));
        return properties;
    }

    private Map<String, String> withDatabase(Map<String, String> properties, String database) {
        postgres.createDatabase(database);
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        properties.put("quarkus.datasource.username", PostgresServer.USER);
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

    /** The token-service's {@code iss}, which the gateway must expect. */
    private static String issuer(int tokenPort) {
        return "http://localhost:" + tokenPort;
    }

    private static String randomBase64Url(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
