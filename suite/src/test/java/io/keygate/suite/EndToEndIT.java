package io.keygate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.keygate.testkit.Testkit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite as separate processes from the built artifacts, exactly as {@code ./keygate-local}
 * starts it: a key's life from issue to revocation, enforced at the gateway, audited and counted.
 */
class EndToEndIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private static Suite suite;
    private static KeygateClient client;
    private static ConsoleLogin.FirstLogin admin;

    private final String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "/orders-" + UUID.randomUUID().toString().substring(0, 8);
    /** Every call this test sent through the gateway on the tenant's route, with its answer. */
    private final List<Integer> tenantCalls = new ArrayList<>();
    /** Calls made with the key while the gateway knew it (after its first 200). */
    private int callsWithKnownKey;

    @BeforeAll
    static void startSuite() {
        Path root = Path.of(System.getProperty("keygate.repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        suite = Suite.start(root, SuitePorts.free(), System.out);
        // As a person would: the bootstrap admin's first login (new password, TOTP enrolment), then its session.
        admin = new ConsoleLogin(suite.ports().token())
                .firstLogin(ConsoleLogin.BOOTSTRAP_ADMIN, suite.bootstrapAdminPassword());
        client = new KeygateClient(suite.ports(), admin.session().accessToken());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void keyIsEnforcedUntilRevokedThenAuditedAndCountedExactly() throws Exception {
        KeygateClient.ExposedApi api =
                client.exposeApi(tenant, "orders", prefix, suite.upstream().url(), false);
        String application = client.createApplication(tenant, "e2e app");
        assertThat(client.subscribe(tenant, application, api).get("status").asText())
                .isEqualTo("APPROVED");
        JsonNode key = client.createApiKey(tenant, "e2e key", application);
        String secret = key.get("key").asText();
        String keyId = key.get("id").asText();

        awaitStatus(secret, 200, false);
        callsWithKnownKey = 1;
        assertThat(call("kg_test_" + "x".repeat(39), false)).as("unknown key").isEqualTo(401);
        assertThat(call(null, false)).as("no key").isEqualTo(401);
        for (int i = 0; i < 5; i++) {
            assertThat(call(secret, true)).as("known key").isEqualTo(200);
        }

        long revokeSent = System.currentTimeMillis();
        client.revokeApiKey(tenant, keyId, "end-to-end test");
        long revokeAnswered = System.currentTimeMillis();
        awaitStatus(secret, 401, true);
        long enforced = System.currentTimeMillis();
        long published = publishedAt(keyId);
        System.out.printf(
                "Revocation enforced at the gateway %d ms after the revoke request was sent: token-service "
                        + "answered after %d ms, the event was on Kafka %d ms after that, the gateway refused the key %d ms "
                        + "after it was on Kafka%n",
                enforced - revokeSent, revokeAnswered - revokeSent, published - revokeAnswered, enforced - published);
        assertThat(call(secret, true)).as("revoked key stays refused").isEqualTo(401);

        assertAuditTrail(keyId);
        assertAnalytics(keyId);
    }

    @Test
    void aSubscriptionPendingApprovalIsRefusedAtTheGatewayAndAcceptedRightAfterApproval() throws Exception {
        KeygateClient.ExposedApi api =
                client.exposeApi(tenant, "payments", prefix, suite.upstream().url(), true);
        String application = client.createApplication(tenant, "e2e app");
        JsonNode subscription = client.subscribe(tenant, application, api);
        assertThat(subscription.get("status").asText()).isEqualTo("PENDING");
        String secret =
                client.createApiKey(tenant, "e2e key", application).get("key").asText();

        // Known key and route, but the subscription waits for approval: 403, and it stays 403.
        awaitStatus(secret, 403, false);
        Thread.sleep(500);
        assertThat(call(secret, false)).as("still pending").isEqualTo(403);

        long approved = System.currentTimeMillis();
        client.approveSubscription(
                tenant, api.apiId(), subscription.get("subscriptionId").asText(), "approved by the e2e test");
        awaitStatus(secret, 200, false);
        System.out.printf(
                "Subscription approval enforced at the gateway %d ms after the approve request was sent%n",
                System.currentTimeMillis() - approved);
    }

    @Test
    void aLoggedOutSessionIsRefusedByEveryServiceWithinMomentsWhileOthersGoOn() throws Exception {
        ConsoleLogin login = new ConsoleLogin(suite.ports().token());
        ConsoleLogin.Session second = login.loginWithRecoveryCode(
                admin.credentials(), admin.credentials().recoveryCodes().get(0));
        KeygateClient asSecond = new KeygateClient(suite.ports(), second.accessToken());
        String apis = "/tenants/" + tenant + "/apis";
        asSecond.get(suite.ports().policy(), apis);

        long loggedOut = System.nanoTime();
        login.logout(second);
        int[] services = {
            suite.ports().policy(), suite.ports().audit(), suite.ports().token()
        };
        String[] paths = {apis, "/audit/events?tenantId=" + tenant, "/tenants/" + tenant + "/applications"};
        for (int i = 0; i < services.length; i++) {
            int port = services[i];
            String path = paths[i];
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> asSecond.status(port, path) == 401);
        }
        System.out.printf(
                "Logout enforced by policy-, audit- and token-service %.0f ms after the logout answered%n",
                (System.nanoTime() - loggedOut) / 1e6);
        assertThat(client.status(suite.ports().policy(), apis)).isEqualTo(200);
    }

    @Test
    void aDevelopersServiceAccountOwnsWhatItCreatesAcrossServicesUntilRevoked() {
        client.createTenant(tenant, "E2E " + tenant);
        KeygateClient.ExposedApi api =
                client.exposeApi(tenant, "Orders", prefix, suite.upstream().url(), false);
        JsonNode account = client.createServiceAccount(tenant, "deploy bot", List.of("developer"));
        String accountId = account.get("clientId").asText();
        KeygateClient bot = new KeygateClient(
                suite.ports(),
                client.serviceToken(accountId, account.get("clientSecret").asText()));

        // The token-service records the bot as the owner; the policy-service learns it from the event.
        String app = bot.createApplication(tenant, "bot's app");
        long created = System.nanoTime();
        JsonNode subscription = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> bot.subscribe(tenant, app, api), answer -> answer.has("subscriptionId"));
        System.out.printf(
                "A developer service account subscribed its new application %.0f ms after creating it%n",
                (System.nanoTime() - created) / 1e6);
        assertThat(subscription.get("status").asText()).isEqualTo("APPROVED");
        String apps = "/tenants/" + tenant + "/applications";
        String subscriptions = "/tenants/" + tenant + "/subscriptions";
        assertThat(bot.get(suite.ports().token(), apps).size()).isEqualTo(1);

        long revoked = System.nanoTime();
        client.revokeServiceAccount(tenant, accountId);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> bot.status(suite.ports().token(), apps) == 401);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> bot.status(suite.ports().policy(), subscriptions) == 401);
        System.out.printf(
                "Service account revocation enforced by token- and policy-service %.0f ms after it answered%n",
                (System.nanoTime() - revoked) / 1e6);
    }

    @Test
    void aBurstOfRefusedCallsRaisesAnAlertThatRevokesTheKeyAndBlocksTheAddress() throws Exception {
        client.setAlertPolicy(tenant, true, true, "PT1H");
        KeygateClient.ExposedApi api =
                client.exposeApi(tenant, "alerts", prefix, suite.upstream().url(), false);
        String application = client.createApplication(tenant, "probed app");
        client.subscribe(tenant, application, api);
        // A key that may only be used from another network: every call from here is an authentication failure.
        JsonNode key = client.createApiKey(
                tenant,
                Map.of("name", "probed", "applicationId", application, "ipAllowList", List.of("203.0.113.0/24")));
        String secret = key.get("key").asText();
        String keyId = key.get("id").asText();
        awaitStatus(secret, 403, false);

        long burst = System.currentTimeMillis();
        for (int i = 0; i < 30; i++) {
            call(secret, false);
        }
        // analytics: a burst of failures for the key (critical, revoke) and from the address (critical, block);
        // token-service revokes the key, policy-service denies the address, and the gateway enforces both.
        await().atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "REVOKED"
                        .equals(client.get(suite.ports().token(), "/tenants/" + tenant + "/api-keys/" + keyId)
                                .get("status")
                                .asText()));
        System.out.printf(
                "A burst of refused calls had its key revoked by an alert %d ms after the burst began%n",
                System.currentTimeMillis() - burst);
        JsonNode rules = await().atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> client.get(suite.ports().policy(), "/tenants/" + tenant + "/ip-rules"), r -> r.size() > 0);
        assertThat(rules.get(0).get("action").asText()).isEqualTo("DENY");
        assertThat(rules.get(0).get("cidr").asText()).isEqualTo("127.0.0.1/32");
        assertThat(rules.get(0).get("reason").asText()).startsWith("Critical alert ");
        // The address is now refused for this tenant's routes, even with a fresh, valid key.
        String fresh =
                client.createApiKey(tenant, "fresh", application).get("key").asText();
        awaitStatus(fresh, 403, false);
        List<String> audit = auditTypes();
        assertThat(audit)
                .contains(
                        "io.keygate.alert.raised.v1", "io.keygate.apikey.revoked.v1", "io.keygate.ip-rule.created.v1");
    }

    private void assertAuditTrail(String keyId) {
        long routed = tenantCalls.stream().filter(status -> status != 404).count();
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<String> types = auditTypes();
            assertThat(types)
                    .contains(
                            "io.keygate.route.defined.v2",
                            "io.keygate.apikey.issued.v1",
                            "io.keygate.apikey.revoked.v1");
            assertThat(all("/audit/calls", "eventId"))
                    .as("call records of every routed call, each once")
                    .hasSize((int) routed)
                    .doesNotHaveDuplicates();
        });
        assertThat(auditTypes().stream()
                        .filter(t -> t.startsWith("io.keygate.apikey."))
                        .count())
                .as("key events stored once each")
                .isEqualTo(2);
        JsonNode verification = client.get(suite.ports().audit(), "/audit/chains/" + tenant + "/verification");
        assertThat(verification.get("intact").asBoolean())
                .as("the tenant's hash chain verifies: %s", verification)
                .isTrue();
    }

    private void assertAnalytics(String keyId) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode usage =
                    client.get(suite.ports().analytics(), "/reports/keys/" + keyId + "/usage?tenantId=" + tenant);
            assertThat(usage.get("totalCalls").asLong())
                    .as("calls counted for the key")
                    .isEqualTo(callsWithKnownKey);
        });
    }

    /** When the key's latest event (its revocation) was written to Kafka (producer timestamp). */
    private static long publishedAt(String keyId) {
        List<ConsumerRecord<String, byte[]>> records =
                Testkit.kafka().readAll("keygate.tokens", new StringDeserializer(), new ByteArrayDeserializer());
        return records.stream()
                .filter(r -> keyId.equals(r.key()))
                .mapToLong(ConsumerRecord::timestamp)
                .max()
                .orElseThrow();
    }

    private List<String> auditTypes() {
        return all("/audit/events", "type");
    }

    /** One field of every item of the tenant's pages of {@code path}, following the cursors. */
    private List<String> all(String path, String field) {
        List<String> types = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = client.get(
                    suite.ports().audit(),
                    path + "?limit=500&tenantId=" + tenant
                            + (cursor == null
                                    ? ""
                                    : "&after="
                                            + java.net.URLEncoder.encode(
                                                    cursor, java.nio.charset.StandardCharsets.UTF_8)));
            page.get("items").forEach(item -> types.add(item.get(field).asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return types;
    }

    private void awaitStatus(String apiKey, int expected, boolean keyKnown) throws InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (call(apiKey, keyKnown) != expected) {
            assertThat(System.nanoTime())
                    .as("gateway answers %d within %s", expected, PROPAGATION)
                    .isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private int call(String apiKey, boolean keyKnown) {
        int status = client.callGateway(prefix + "/42", apiKey);
        tenantCalls.add(status);
        if (keyKnown) {
            callsWithKnownKey++;
        }
        return status;
    }
}
