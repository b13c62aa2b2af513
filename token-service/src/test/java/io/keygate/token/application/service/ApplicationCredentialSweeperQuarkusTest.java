package io.keygate.token.application.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.application.ApplicationEvent;
import io.keygate.events.application.ApplicationState;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.apikey.service.ApiKeyService;
import io.keygate.token.application.Application;
import io.keygate.token.application.ApplicationCommand.DeleteApplication;
import io.keygate.token.application.config.ApplicationConfig;
import io.keygate.token.application.store.ApplicationProjection;
import io.keygate.token.application.store.DeletedApplicationCredentials;
import io.keygate.token.oauth.service.OAuthClientService;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The situations the deletion's own pass cannot handle: the process stopped between the deletion and the
 * revocations. They are set up by appending the deletion the way the service does, without that pass.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApplicationCredentialSweeperQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EventStore store;

    @Inject
    EventStoreConfig storeConfig;

    @Inject
    ApplicationProjection applications;

    @Inject
    DeletedApplicationCredentials credentials;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    OAuthClientService oauthClients;

    @Inject
    ApplicationConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void thePeriodicSweepRevokesWhatAnInterruptedDeletionLeftActive() {
        String app = TestApplications.createIn(tenant);
        String key = issueKey(app);
        String client = given().contentType(ContentType.JSON)
                .body(Map.of("name", "c", "applicationId", app))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");

        deleteWithoutRevokingCredentials(app);

        await().atMost(WAIT).untilAsserted(() -> {
            given().get("/tenants/{t}/api-keys/{k}", tenant, key)
                    .then()
                    .body("status", equalTo("REVOKED"))
                    .body("revocationReason", equalTo("application deleted"));
            given().get("/tenants/{t}/oauth-clients/{c}", tenant, client).then().body("status", equalTo("REVOKED"));
        });
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(PublishedTokenEvents.typesOf(key))
                    .containsExactly("io.keygate.apikey.issued.v1", "io.keygate.apikey.revoked.v1");
            assertThat(PublishedTokenEvents.typesOf(client))
                    .containsExactly("io.keygate.oauth-client.registered.v1", "io.keygate.oauth-client.revoked.v1");
            assertThat(isMarkedSwept(app)).isTrue();
        });
    }

    @Test
    void twoReplicasSweepingAtOnceRevokeEachKeyExactlyOnce() {
        String app = TestApplications.createIn(tenant);
        List<String> keys = List.of(issueKey(app), issueKey(app), issueKey(app));
        deleteWithoutRevokingCredentials(app);

        Uni.combine()
                .all()
                .unis(newReplica().runOnce(), newReplica().runOnce())
                .asTuple()
                .await()
                .atMost(WAIT);
        newReplica().sweep(app, "retry").await().atMost(WAIT); // a DELETE retried after everything was revoked

        for (String key : keys) {
            assertThat(storedEventTypes(key))
                    .containsExactly("io.keygate.apikey.issued.v1", "io.keygate.apikey.revoked.v1");
        }
        assertThat(isMarkedSwept(app)).isTrue();
    }

    @Test
    void credentialsOfLiveApplicationsAndKeysWithoutOneAreLeftAlone() {
        String app = TestApplications.createIn(tenant);
        String key = issueKey(app);
        String keyWithoutApplication = given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        newReplica().runOnce().await().atMost(WAIT);

        assertThat(storedEventTypes(key)).containsExactly("io.keygate.apikey.issued.v1");
        assertThat(storedEventTypes(keyWithoutApplication)).containsExactly("io.keygate.apikey.issued.v1");
    }

    /** What {@code ApplicationService.delete} commits, without the revocations that follow it. */
    private void deleteWithoutRevokingCredentials(String applicationId) {
        List<EventEnvelope<KeygateEvent>> history =
                store.load(applicationId).await().atMost(WAIT);
        ApplicationState state = Application.replay(
                history.stream().map(e -> (ApplicationEvent) e.data()).toList());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApplicationEvent deleted = Application.decide(new DeleteApplication(applicationId, tenant, now), state)
                .get(0);
        long version = history.size() + 1;
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create(storeConfig.source(), version, now, "test", null, deleted);
        store.inTransaction(tx -> store.append(tx, Application.AGGREGATE_TYPE, history.size(), List.of(envelope))
                        .chain(() -> applications.upsert(tx, deleted.application(), version)))
                .await()
                .atMost(WAIT);
    }

    private ApplicationCredentialSweeper newReplica() {
        return new ApplicationCredentialSweeper(credentials, apiKeys, oauthClients, config, vertx);
    }

    private String issueKey(String app) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "k", "applicationId", app))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private boolean isMarkedSwept(String applicationId) {
        return pool.preparedQuery("SELECT credentials_swept_at FROM application WHERE application_id = $1")
                        .execute(Tuple.of(applicationId))
                        .await()
                        .atMost(WAIT)
                        .iterator()
                        .next()
                        .getOffsetDateTime("credentials_swept_at")
                != null;
    }

    private List<String> storedEventTypes(String aggregateId) {
        return StoredEvents.typesOf(pool, aggregateId);
    }
}
