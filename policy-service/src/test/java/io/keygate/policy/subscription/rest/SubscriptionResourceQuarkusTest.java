package io.keygate.policy.subscription.rest;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.published;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.keygate.events.KeygateEvent;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionSuspended;
import io.keygate.policy.subscription.Subscription;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class SubscriptionResourceQuarkusTest {

    private final String owner = "o-" + UUID.randomUUID().toString().substring(0, 8);
    private final String subscriber = "s-" + UUID.randomUUID().toString().substring(0, 8);
    private final String app = "app_" + UUID.randomUUID().toString().replace("-", "");

    private static String createApi(String tenant, String visibility, boolean approval) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Orders",
                        "apiVersion",
                        "v1",
                        "visibility",
                        visibility,
                        "subscriptionApproval",
                        approval))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String createPlan(String tenant, String apiId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "free", "rateLimit", Map.of("requests", 10, "per", "SECOND")))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("planId");
    }

    private static Response subscribe(String tenant, String app, String apiId, String planId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("applicationId", app, "apiId", apiId, "planId", planId))
                .post("/tenants/{t}/subscriptions", tenant);
    }

    private static Response decide(String tenant, String apiId, String subscriptionId, String action, String note) {
        return given().contentType(ContentType.JSON)
                .body(note == null ? Map.of() : Map.of("note", note))
                .post("/tenants/{t}/apis/{a}/subscriptions/{s}/" + action, tenant, apiId, subscriptionId);
    }

    @Test
    void aSubscriptionToAnApiWithoutApprovalIsApprovedAtOnce() {
        String apiId = createApi(owner, "private", false);
        String planId = createPlan(owner, apiId);

        String subscriptionId = subscribe(owner, app, apiId, planId)
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("note", equalTo(Subscription.AUTOMATIC_APPROVAL))
                .extract()
                .path("subscriptionId");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(subscriptionId))
                        .hasSize(2)
                        .satisfies(events -> {
                            assertThat(events.get(0)).isInstanceOf(SubscriptionRequested.class);
                            assertThat(events.get(1)).isInstanceOf(SubscriptionApproved.class);
                        }));
    }

    @Test
    void aSubscriptionToAPublicApiWaitsForItsOwnersApproval() {
        String apiId = createApi(owner, "public", true);
        String planId = createPlan(owner, apiId);

        String subscriptionId = subscribe(subscriber, app, apiId, planId)
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("apiTenantId", equalTo(owner))
                .extract()
                .path("subscriptionId");

        given().get("/tenants/{t}/subscriptions/{s}", subscriber, subscriptionId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        given().get("/tenants/{t}/apis/{a}/subscriptions?status=PENDING", owner, apiId)
                .then()
                .statusCode(200)
                .body("subscriptionId", hasItem(subscriptionId));
        // The subscriber cannot approve its own request: only the API's owner decides.
        decide(subscriber, apiId, subscriptionId, "approve", null).then().statusCode(404);

        decide(owner, apiId, subscriptionId, "approve", "welcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("note", equalTo("welcome"));

        given().get("/tenants/{t}/subscriptions/{s}", subscriber, subscriptionId)
                .then()
                .body("status", equalTo("APPROVED"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(subscriptionId))
                        .last()
                        .isInstanceOfSatisfying(
                                SubscriptionApproved.class,
                                e -> assertThat(e.subscription().note()).isEqualTo("welcome")));
    }

    @Test
    void rejectingNeedsAReasonAndIsFinal() {
        String apiId = createApi(owner, "private", true);
        String subscriptionId = subscribe(owner, app, apiId, createPlan(owner, apiId))
                .then()
                .statusCode(201)
                .extract()
                .path("subscriptionId");

        decide(owner, apiId, subscriptionId, "reject", null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("note"));
        decide(owner, apiId, subscriptionId, "reject", "trial tenants may not use it")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        decide(owner, apiId, subscriptionId, "approve", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aPrivateApiOfAnotherTenantOrAPlanOfAnotherApiCannotBeSubscribed() {
        String privateApi = createApi(owner, "private", false);
        String privatePlan = createPlan(owner, privateApi);
        String publicApi = createApi(owner, "public", false);

        subscribe(subscriber, app, privateApi, privatePlan)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("apiId"));
        subscribe(subscriber, app, publicApi, privatePlan)
                .then()
                .statusCode(422)
                .body("detail", containsString("planId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("applicationId", "nope", "apiId", publicApi, "planId", privatePlan))
                .post("/tenants/{t}/subscriptions", subscriber)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void twoConcurrentRequestsForTheSamePairMakeOneSubscription() throws Exception {
        String apiId = createApi(owner, "private", true);
        String planId = createPlan(owner, apiId);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return subscribe(owner, app, apiId, planId).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        given().get("/tenants/{t}/subscriptions?applicationId=" + app, owner)
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void suspendResumeAndCancelThenTheSamePairMaySubscribeAgain() {
        String apiId = createApi(owner, "private", false);
        String planId = createPlan(owner, apiId);
        String subscriptionId = subscribe(owner, app, apiId, planId)
                .then()
                .statusCode(201)
                .extract()
                .path("subscriptionId");

        decide(owner, apiId, subscriptionId, "suspend", "unpaid invoice")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        subscribe(owner, app, apiId, planId).then().statusCode(409);
        decide(owner, apiId, subscriptionId, "resume", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().post("/tenants/{t}/subscriptions/{s}/cancel", owner, subscriptionId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        subscribe(owner, app, apiId, planId).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(subscriptionId))
                        .extracting(KeygateEvent::getClass)
                        .contains(SubscriptionSuspended.class));
    }
}
