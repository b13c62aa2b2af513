package io.keygate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./keygate-local}: starts the whole suite on the standard ports, creates a demo tenant with an API
 * (route and plan), an application subscribed to it and its API key, prints where everything is and a ready curl line, and stops everything on Ctrl-C.
 */
public final class LocalRun {

    static final String DEMO_TENANT = "demo";

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        SuitePorts ports = SuitePorts.standard();
        Suite suite = Suite.start(root, ports, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Keygate …");
                            suite.close();
                            System.out.println("Stopped; all data removed.");
                            stopped.countDown();
                        },
                        "local-run-shutdown"));

        ConsoleLogin.FirstLogin admin = new ConsoleLogin(ports.token())
                .firstLogin(ConsoleLogin.BOOTSTRAP_ADMIN, suite.bootstrapAdminPassword());
        KeygateClient client = new KeygateClient(ports, admin.session().accessToken());
        KeygateClient.ExposedApi api = client.exposeApi(
                DEMO_TENANT, "demo API", "/demo", suite.upstream().url(), false);
        String application = client.createApplication(DEMO_TENANT, "demo app");
        client.subscribe(DEMO_TENANT, application, api);
        JsonNode key = client.createApiKey(DEMO_TENANT, "demo key", application);
        String secret = key.get("key").asText();
        awaitEnforced(client, secret);

        System.out.println(banner(ports, key, secret, suite));
        System.out.println(signIn(ports, admin.credentials()));
        stopped.await();
    }

    private static void awaitEnforced(KeygateClient client, String secret) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.callGateway("/demo/hello", secret) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The gateway did not accept the demo key within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** The platform admin's credentials: the local run did its first login, so the person signs in with these. */
    private static String signIn(SuitePorts ports, ConsoleLogin.Credentials admin) {
        return """
                 Platform admin (local run only; shown once):
                   e-mail %s   password %s
                   TOTP secret %s (add it to an authenticator app)
                   recovery codes %s
                 Sign in (answers a challenge; then POST /auth/login/mfa with it and a TOTP code):
                   curl -X POST -H 'Content-Type: application/json' \\
                        -d '{"email":"%s","password":"%s"}' http://localhost:%d/auth/login
                 Every API call then carries: -H 'Authorization: Bearer <accessToken>'
                ================================================================================
                """.formatted(
                        admin.email(),
                        admin.password(),
                        admin.totpSecret(),
                        String.join(" ", admin.recoveryCodes()),
                        admin.email(),
                        admin.password(),
                        ports.token());
    }

    private static String banner(SuitePorts ports, JsonNode key, String secret, Suite suite) {
        return """

                ================================================================================
                 Keygate is running                                   (Ctrl-C stops everything)
                ================================================================================
                 Gateway (proxy)     http://localhost:%d        admin: http://localhost:%d/gateway/state
                 token-service       http://localhost:%d/q/openapi
                 policy-service      http://localhost:%d/q/openapi
                 audit-service       http://localhost:%d/audit/events?tenantId=%s
                 analytics-service   http://localhost:%d/reports/keys/%s/usage?tenantId=%s
                 Demo upstream       %s
                 Kafka               %s
                 Service logs        %s

                 Demo tenant "%s": an API with route /demo -> demo upstream, an application
                 subscribed to it, and the application's API key %s (id %s):

                   curl -H 'X-API-Key: %s' http://localhost:%d/demo/hello

                 Revoke it (with an admin session, see below):
                   curl -X POST -H 'Authorization: Bearer <accessToken>' -H 'Content-Type: application/json' \\
                        -d '{"reason":"demo"}' http://localhost:%d/tenants/%s/api-keys/%s/revoke
                ================================================================================
                """.formatted(
                        ports.gatewayProxy(),
                        ports.gatewayAdmin(),
                        ports.token(),
                        ports.policy(),
                        ports.audit(),
                        DEMO_TENANT,
                        ports.analytics(),
                        key.get("id").asText(),
                        DEMO_TENANT,
                        suite.upstream().url(),
                        suite.kafkaBootstrapServers(),
                        suite.logDirectory(),
                        DEMO_TENANT,
                        key.get("maskedKey").asText(),
                        key.get("id").asText(),
                        secret,
                        ports.gatewayProxy(),
                        ports.token(),
                        DEMO_TENANT,
                        key.get("id").asText());
    }
}
