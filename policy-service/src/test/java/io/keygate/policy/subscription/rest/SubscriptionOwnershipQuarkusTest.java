package io.keygate.policy.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.EventEnvelope;
import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The {@code own} grant on subscriptions: the policy-service learns owners from the token-service's application
 * events, and a developer subscribes, reads and cancels only their own applications' subscriptions.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class SubscriptionOwnershipQuarkusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String alice = TestSessions.member(tenant, "developer");
    private final String bob = TestSessions.member(tenant, "developer");
    private final String admin = TestSessions.member(tenant, "admin");

    @Test
    void aDeveloperSubscribesReadsAndCancelsOnlyTheirOwnApplications() {
        String alicesApp = newAppId();
        String bobsApp = newAppId();
        String adminsApp = newAppId();
        try (TestEventPublisher events = new TestEventPublisher(bootstrapServers)) {
            events.send(created(alicesApp, TestSessions.userIdOf(alice)));
            events.send(created(bobsApp, TestSessions.userIdOf(bob)));
            events.send(created(adminsApp, null));
        }
        String apiId = createApi();
        String planId = createPlan(apiId);

        // Alice's application is hers once its event has arrived.
        String alicesSubscription = await().atMost(Duration.ofSeconds(20))
                .until(() -> subscribe(alice, alicesApp, apiId, planId), r -> r.statusCode() == 201)
                .path("subscriptionId");
        for (String notHers : List.of(bobsApp, adminsApp, newAppId())) {
            Response refused = subscribe(alice, notHers, apiId, planId);
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
            assertThat(refused.<String>path("errors[0].field")).isEqualTo("applicationId");
        }
        String bobsSubscription = subscribe(bob, bobsApp, apiId, planId)
                .then()
                .statusCode(201)
                .extract()
                .path("subscriptionId");

        assertThat(listIds(alice)).containsExactly(alicesSubscription);
        assertThat(listIds(bob)).containsExactly(bobsSubscription);
        assertThat(listIds(admin)).containsExactlyInAnyOrder(alicesSubscription, bobsSubscription);

        assertThat(as(bob).get("/tenants/{t}/subscriptions/{s}", tenant, alicesSubscription)
                        .statusCode())
                .isEqualTo(404);
        assertThat(as(bob).post("/tenants/{t}/subscriptions/{s}/cancel", tenant, alicesSubscription)
                        .statusCode())
                .isEqualTo(404);
        as(alice)
                .get("/tenants/{t}/subscriptions/{s}", tenant, alicesSubscription)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        as(alice)
                .post("/tenants/{t}/subscriptions/{s}/cancel", tenant, alicesSubscription)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void aTeamsMembersSubscribeItsApplications() {
        String team = "team_" + UUID.randomUUID().toString().replace("-", "");
        String teamApp = newAppId();
        String carol = TestSessions.memberOfTeams(tenant, List.of(team), "developer");
        try (TestEventPublisher events = new TestEventPublisher(bootstrapServers)) {
            events.send(EventEnvelope.create(
                    "/token-service",
                    1,
                    now(),
                    null,
                    null,
                    new ApplicationCreated(new ApplicationState(
                            teamApp,
                            tenant,
                            "team app",
                            null,
                            null,
                            TestSessions.userIdOf(admin),
                            team,
                            ApplicationStatus.ACTIVE,
                            now(),
                            now(),
                            null))));
        }
        String apiId = createApi();
        String planId = createPlan(apiId);

        String subscription = await().atMost(Duration.ofSeconds(20))
                .until(() -> subscribe(carol, teamApp, apiId, planId), r -> r.statusCode() == 201)
                .path("subscriptionId");
        assertThat(listIds(carol)).containsExactly(subscription);
        assertThat(subscribe(alice, teamApp, apiId, planId).statusCode()).isEqualTo(422);
        assertThat(as(alice)
                        .get("/tenants/{t}/subscriptions/{s}", tenant, subscription)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDeletedApplicationCannotBeSubscribedByItsOwner() {
        String app = newAppId();
        String owner = TestSessions.userIdOf(alice);
        String apiId = createApi();
        String planId = createPlan(apiId);
        try (TestEventPublisher events = new TestEventPublisher(bootstrapServers)) {
            events.send(created(app, owner));
            events.send(EventEnvelope.create(
                    "/token-service", 2, now(), null, null, new ApplicationDeleted(state(app, owner, true))));
        }
        // The deletion arrives after the creation; until then the creation would let her subscribe.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response refused = subscribe(alice, app, apiId, planId);
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        });
        // A late duplicate of the creation does not bring it back.
        try (TestEventPublisher events = new TestEventPublisher(bootstrapServers)) {
            events.send(created(app, owner));
        }
        String other = newAppId();
        try (TestEventPublisher events = new TestEventPublisher(bootstrapServers)) {
            events.send(created(other, owner));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> subscribe(alice, other, apiId, planId), r -> r.statusCode() == 201);
        assertThat(subscribe(alice, app, apiId, planId).statusCode()).isEqualTo(422);
    }

    private RequestSpecification as(String session) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + session);
    }

    private Response subscribe(String session, String app, String apiId, String planId) {
        return as(session)
                .body(Map.of("applicationId", app, "apiId", apiId, "planId", planId))
                .post("/tenants/{t}/subscriptions", tenant);
    }

    private List<String> listIds(String session) {
        return as(session)
                .get("/tenants/{t}/subscriptions", tenant)
                .then()
                .statusCode(200)
                .extract()
                .path("subscriptionId");
    }

    private String createApi() {
        return as(admin)
                .body(Map.of(
                        "name", "Orders", "apiVersion", "v1", "visibility", "private", "subscriptionApproval", false))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String createPlan(String apiId) {
        return as(admin)
                .body(Map.of("name", "free", "rateLimit", Map.of("requests", 10, "per", "SECOND")))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("planId");
    }

    private EventEnvelope<ApplicationCreated> created(String app, String ownerId) {
        return EventEnvelope.create(
                "/token-service", 1, now(), null, null, new ApplicationCreated(state(app, ownerId, false)));
    }

    private ApplicationState state(String app, String ownerId, boolean deleted) {
        Instant now = now();
        return new ApplicationState(
                app,
                tenant,
                "app",
                null,
                null,
                ownerId,
                null,
                deleted ? ApplicationStatus.DELETED : ApplicationStatus.ACTIVE,
                now,
                now,
                deleted ? now : null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String newAppId() {
        return "app_" + UUID.randomUUID().toString().replace("-", "");
    }
}
