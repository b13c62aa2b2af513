package io.keygate.audit.chain;

import static io.keygate.audit.event.SampleEvents.issued;
import static io.keygate.audit.event.SampleEvents.revoked;
import static io.keygate.audit.event.SampleEvents.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.audit.checkpoint.CheckpointService;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.store.TrailReader;
import io.keygate.events.EventCodec;
import io.keygate.events.Topic;
import io.keygate.events.audit.AuditCheckpointSigned;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tamper evidence against a real trail: rows changed, deleted or rewritten directly in PostgreSQL are caught. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ChainVerificationQuarkusTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final int ENTRIES = 6;

    @Inject
    Pool pool;

    @Inject
    CheckpointService checkpoints;

    @Inject
    TrailReader reader;

    private final String tenant = uniqueTenant();

    @BeforeEach
    void publishSixEntries() {
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            for (int i = 0; i < ENTRIES / 2; i++) {
                String key = "key_" + UUID.randomUUID();
                producer.send(issued(tenant, key, T0.plusSeconds(i)));
                producer.send(revoked(tenant, key, T0.plusSeconds(i)));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(verification().getLong("toSequence")).isEqualTo(ENTRIES));
    }

    @Test
    void anUntouchedChainVerifiesWhole() {
        JsonPath result = verification();

        assertThat(result.getBoolean("intact")).isTrue();
        assertThat(result.getLong("entriesChecked")).isEqualTo(ENTRIES);
        assertThat(result.getLong("fromSequence")).isEqualTo(1);
        assertThat(result.getString("firstBrokenLink")).isNull();
    }

    @Test
    void aRowChangedInTheDatabaseFailsVerificationAtThatEntryAndNotBefore() {
        sql("UPDATE audit_entry SET actor = 'user:mallory' WHERE chain = $1 AND chain_seq = 3");

        JsonPath result = verification();

        assertThat(result.getBoolean("intact")).isFalse();
        assertThat(result.getLong("firstBrokenLink.sequence")).isEqualTo(3);
        assertThat(result.getString("firstBrokenLink.problem")).isEqualTo("ENTRY_ALTERED");
        assertThat(result.getString("firstBrokenLink.eventId")).isEqualTo(entryId(3));
        assertThat(result.getLong("entriesChecked")).isEqualTo(2);
    }

    @Test
    void aRowDeletedInTheDatabaseFailsVerificationThere() {
        sql("DELETE FROM audit_entry WHERE chain = $1 AND chain_seq = 4");

        JsonPath result = verification();

        assertThat(result.getLong("firstBrokenLink.sequence")).isEqualTo(4);
        assertThat(result.getString("firstBrokenLink.problem")).isEqualTo("ENTRY_MISSING");
        assertThat(result.getLong("entriesChecked")).isEqualTo(3);
    }

    @Test
    void theLastRowDeletedIsMissingAgainstTheChainHead() {
        sql("DELETE FROM audit_entry WHERE chain = $1 AND chain_seq = 6");

        JsonPath result = verification();

        assertThat(result.getLong("firstBrokenLink.sequence")).isEqualTo(6);
        assertThat(result.getString("firstBrokenLink.problem")).isEqualTo("ENTRY_MISSING");
    }

    @Test
    void checkpointsAreSignedPublishedAndCatchAChainRewrittenWithConsistentHashes() throws Exception {
        checkpoints.checkpoint().await().atMost(Duration.ofSeconds(30));

        // The checkpoint is served and published, and its signature verifies with the JDK under the JWK.
        JsonPath served = given().get("/audit/chains/{chain}/checkpoints", tenant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(served.getList("sequence")).containsExactly(ENTRIES);
        String hash = served.getString("[0].entryHash");
        assertThat(hash).isEqualTo(entryHash(ENTRIES));
        String kid = served.getString("[0].keyId");
        String x = given().get("/audit/checkpoint-keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("keys.find { it.kid == '" + kid + "' }.x");
        AuditCheckpointSigned published = awaitPublished();
        assertThat(published.entryHash()).isEqualTo(hash);
        assertThat(verifies(x, published.signedText(), published.signature())).isTrue();
        assertThat(verifies(x, published.signedText().replace(hash, "0".repeat(64)), published.signature()))
                .isFalse();

        // Rewrite entry 5 and every hash after it so the links stay consistent, as an attacker with database
        // access but without the signing key would.
        AuditEvent fifth = reader.chain(tenant, 5, 5, 1)
                .await()
                .atMost(Duration.ofSeconds(10))
                .get(0);
        AuditEvent sixth = reader.chain(tenant, 6, 6, 1)
                .await()
                .atMost(Duration.ofSeconds(10))
                .get(0);
        ChainHasher hasher = new ChainHasher();
        AuditEvent forged = new AuditEvent(
                fifth.eventId(),
                fifth.topic(),
                fifth.type(),
                fifth.subject(),
                fifth.tenantId(),
                fifth.sequence(),
                fifth.source(),
                fifth.occurredAt(),
                fifth.correlationId(),
                fifth.causationId(),
                "user:someone-else",
                fifth.action(),
                fifth.target(),
                fifth.outcome(),
                fifth.clientIp(),
                fifth.data(),
                null,
                null);
        byte[] h5 = hasher.hash(ChainHasher.fromHex(fifth.link().previousHash()), tenant, 5, forged);
        byte[] h6 = hasher.hash(h5, tenant, 6, sixth);
        sql("UPDATE audit_entry SET actor = 'user:someone-else', entry_hash = decode('" + ChainHasher.hex(h5)
                + "', 'hex') WHERE chain = $1 AND chain_seq = 5");
        sql("UPDATE audit_entry SET prev_hash = decode('" + ChainHasher.hex(h5) + "', 'hex'), entry_hash = decode('"
                + ChainHasher.hex(h6) + "', 'hex') WHERE chain = $1 AND chain_seq = 6");
        sql("UPDATE audit_chain_head SET last_hash = decode('" + ChainHasher.hex(h6) + "', 'hex') WHERE chain = $1");

        JsonPath result = verification();

        assertThat(result.getLong("entriesChecked")).isEqualTo(ENTRIES);
        assertThat(result.getBoolean("intact")).isFalse();
        assertThat(result.getString("firstBrokenLink.problem")).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(result.getLong("firstBrokenLink.sequence")).isEqualTo(ENTRIES);
        assertThat(result.getLong("checkpointsChecked")).isEqualTo(1);
    }

    @Test
    void aRangeIsVerifiedAndBadChainsOrPositionsAreProblems() {
        JsonPath range = given().queryParam("from", 2)
                .queryParam("to", 4)
                .get("/audit/chains/{chain}/verification", tenant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(range.getLong("entriesChecked")).isEqualTo(3);
        assertThat(range.getBoolean("intact")).isTrue();

        given().get("/audit/chains/{chain}/verification", "Not A Tenant")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("chain"));
        given().queryParam("from", 0)
                .get("/audit/chains/{chain}/verification", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().get("/audit/chains/{chain}/verification", "t-nobody")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private JsonPath verification() {
        return given().get("/audit/chains/{chain}/verification", tenant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String entryId(long sequence) {
        return reader.chain(tenant, sequence, sequence, 1)
                .await()
                .atMost(Duration.ofSeconds(10))
                .get(0)
                .eventId()
                .toString();
    }

    private String entryHash(long sequence) {
        return reader.chain(tenant, sequence, sequence, 1)
                .await()
                .atMost(Duration.ofSeconds(10))
                .get(0)
                .link()
                .entryHash();
    }

    private void sql(String statement) {
        int rows = pool.preparedQuery(statement)
                .execute(Tuple.of(tenant))
                .await()
                .atMost(Duration.ofSeconds(10))
                .rowCount();
        assertThat(rows).isEqualTo(1);
    }

    private AuditCheckpointSigned awaitPublished() {
        EventCodec codec = new EventCodec();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        Testkit.kafka().bootstrapServers(),
                        "group.id",
                        "checkpoint-test-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topic.AUDIT_CHECKPOINTS.topicName()));
            List<AuditCheckpointSigned> mine = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mine.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(tenant + "/")) {
                        mine.add((AuditCheckpointSigned)
                                codec.fromCloudEvent(record.value()).data());
                    }
                }
            }
            assertThat(mine).hasSize(1);
            return mine.get(0);
        }
    }

    private static boolean verifies(String jwkX, String text, String signature) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(jwkX);
        byte[] x509 = HexFormat.of()
                .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(signature));
    }
}
