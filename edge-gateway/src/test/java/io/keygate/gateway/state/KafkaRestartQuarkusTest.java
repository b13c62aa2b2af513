package io.keygate.gateway.state;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.Topic;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.gateway.proxy.ProxyServer;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.GatewayAdmin;
import io.keygate.gateway.support.RequestLoop;
import io.keygate.gateway.support.ServedTenant;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.RestartableKafkaBrokerResource;
import io.keygate.testkit.TestSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker goes away and comes back while the gateway serves: with no maximum staleness configured, the
 * gateway keeps serving its last state (and says how stale it is), then follows the topics again; the call records of
 * the outage wait in the gateway and all reach the topic.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaBrokerResource.class, restrictToAnnotatedClass = true)
class KafkaRestartQuarkusTest {

    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(30);
    private static final Duration RECOVERED = Duration.ofSeconds(90);

    private static EchoUpstream upstream;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @BeforeAll
    static void startUpstream() {
        upstream = EchoUpstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void awaitStateCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    @Test
    void knownKeyIsServedThroughABrokerRestartAndARevocationAfterItIsEnforced() throws Exception {
        KafkaBroker broker = RestartableKafkaBrokerResource.broker();
        ServedTenant tenant;
        try (TestEventPublisher publisher = new TestEventPublisher(broker.bootstrapServers())) {
            tenant = ServedTenant.publish(publisher, hasher, upstream.url());
        }
        String loopPath = tenant.prefix() + "/during-restart";
        String url = "http://127.0.0.1:" + proxy.port() + loopPath;
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(tenant) == 200);

        Map<Integer, Integer> statuses;
        try (RequestLoop loop = RequestLoop.start(url, "X-API-Key", tenant.secret())) {
            broker.stop();
            int sentAtStop = loop.sent();
            await().atMost(OUTAGE_NOTICED).until(() -> GatewayAdmin.stalenessGaugeSeconds() > 3);
            // The admin API and readiness still say UP: no maximum staleness is configured.
            given().get("/q/health/ready").then().statusCode(200);
            assertThat(loop.sent()).as("requests served during the outage").isGreaterThan(sentAtStop);

            Instant restartedAt = Instant.now();
            broker.restart();
            await().atMost(RECOVERED).until(() -> GatewayAdmin.freshAsOf().isAfter(restartedAt));
            int sentAtRecovery = loop.sent();
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.sent() > sentAtRecovery);
            loop.close();
            statuses = loop.statuses();
        }
        assertThat(statuses).as("answers to the valid key during the restart").containsOnlyKeys(200);
        int answered = statuses.get(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(callRecordsOf(broker, loopPath))
                        .as("call records of the %d requests served around the outage", answered)
                        .isEqualTo(answered));

        try (TestEventPublisher publisher = new TestEventPublisher(broker.bootstrapServers())) {
            tenant.revoke(publisher);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(tenant) == 401);
        given().header("Authorization", "Bearer " + TestSessions.platformAdmin())
                .get("/gateway/state")
                .then()
                .statusCode(200)
                .body("ready", equalTo(true));
    }

    @Test
    void keysOnPartitionsAddedToTheTokensTopicAreEnforced() throws Exception {
        KafkaBroker broker = RestartableKafkaBrokerResource.broker();
        String tokens = Topic.TOKENS.topicName();
        int before;
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            before = admin.describeTopics(List.of(tokens))
                    .allTopicNames()
                    .get()
                    .get(tokens)
                    .partitions()
                    .size();
            admin.createPartitions(Map.of(tokens, NewPartitions.increaseTo(before + 3)))
                    .all()
                    .get();
            // The broker's metadata, which a new producer reads, has the new partitions.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> admin.describeTopics(List.of(tokens))
                                    .allTopicNames()
                                    .get()
                                    .get(tokens)
                                    .partitions()
                                    .size()
                            == before + 3);
        }
        List<ServedTenant> tenants = new ArrayList<>();
        try (TestEventPublisher publisher = new TestEventPublisher(broker.bootstrapServers())) {
            // 24 keys, half of the 6 partitions new: all 24 on old ones has a chance of 1 in 16 million.
            for (int i = 0; i < 24; i++) {
                tenants.add(ServedTenant.publish(publisher, hasher, upstream.url()));
            }
        }
        Set<String> keyIds =
                tenants.stream().map(tenant -> tenant.key().keyId()).collect(Collectors.toSet());
        assertThat(broker.readAll(tokens, new StringDeserializer(), new ByteArrayDeserializer()).stream()
                        .filter(record -> record.key() != null
                                && keyIds.stream().anyMatch(id -> record.key().contains(id)))
                        .map(ConsumerRecord::partition))
                .as("some of the keys went to the new partitions")
                .anyMatch(partition -> partition >= before);

        for (ServedTenant tenant : tenants) {
            await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(tenant) == 200);
        }
        // A revocation on a new partition is enforced as well.
        try (TestEventPublisher publisher = new TestEventPublisher(broker.bootstrapServers())) {
            for (ServedTenant tenant : tenants) {
                tenant.revoke(publisher);
            }
        }
        for (ServedTenant tenant : tenants) {
            await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(tenant) == 401);
        }
    }

    /** Call records on the broker's calls topic of requests to {@code path}. */
    private static long callRecordsOf(KafkaBroker broker, String path) {
        String field = "\"path\":\"" + path + "\"";
        return broker.readAll(Topic.CALLS.topicName(), new StringDeserializer(), new ByteArrayDeserializer()).stream()
                .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains(field))
                .count();
    }

    private int statusOf(ServedTenant tenant) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .get(tenant.prefix() + "/1")
                .statusCode();
    }
}
