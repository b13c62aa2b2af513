package io.keygate.policy.iprule.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.policy.testdata.PublishedPolicyEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class IpRuleResourceQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    // A network of its own per test, so global rules of other tests never collide with this one's.
    private final String network = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ".0/24";

    @Test
    void tenantRuleIsCreatedNormalisedAndPublishedWithItsFullState() {
        String ruleId = given().contentType(ContentType.JSON)
                .body(Map.of("action", "ALLOW", "cidr", "2001:DB8::/32", "reason", "office"))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(201)
                .body("cidr", equalTo("2001:db8::/32"))
                .body("scope", equalTo("TENANT"))
                .body("tenantId", equalTo(tenant))
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedPolicyEvents.of(ruleId))
                        .singleElement()
                        .satisfies(envelope -> {
                            assertThat(envelope.data()).isInstanceOf(IpRuleCreated.class);
                            assertThat(((IpRuleCreated) envelope.data()).rule().reason())
                                    .isEqualTo("office");
                            assertThat(envelope.tenantId()).isEqualTo(tenant);
                        }));
    }

    @Test
    void globalRuleHasNoTenantAndIsNotVisibleThroughATenant() {
        String ruleId = create("/ip-rules", "DENY", network);

        given().get("/ip-rules/{r}", ruleId)
                .then()
                .statusCode(200)
                .body("scope", equalTo(IpRuleScope.GLOBAL.name()))
                .body("tenantId", org.hamcrest.Matchers.nullValue());
        given().get("/tenants/{t}/ip-rules/{r}", tenant, ruleId).then().statusCode(404);
        given().get("/ip-rules").then().statusCode(200).body("id", hasItem(ruleId));
    }

    @Test
    void duplicateActiveRuleIsAConflictButTheSameNetworkElsewhereIsNot() {
        create("/tenants/" + tenant + "/ip-rules", "DENY", network);

        given().contentType(ContentType.JSON)
                .body(Map.of("action", "DENY", "cidr", network, "reason", "again"))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        create("/tenants/" + tenant + "/ip-rules", "ALLOW", network);
        create("/tenants/" + tenant + "-b/ip-rules", "DENY", network);
    }

    @Test
    void deletedRuleFreesItsNetworkAndIsPublished() {
        String path = "/tenants/" + tenant + "/ip-rules";
        String ruleId = create(path, "DENY", network);

        given().delete(path + "/{r}", ruleId).then().statusCode(200).body("status", equalTo("DELETED"));
        given().delete(path + "/{r}", ruleId).then().statusCode(200).body("version", equalTo(2));
        create(path, "DENY", network);
        given().get(path).then().statusCode(200).body("id", not(hasItem(ruleId)));
        given().queryParam("status", "ALL").get(path).then().statusCode(200).body("id", hasItem(ruleId));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedPolicyEvents.dataOf(ruleId))
                        .hasSize(2)
                        .last()
                        .isInstanceOf(IpRuleDeleted.class));
    }

    @Test
    void cidrWithHostBitsIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "DENY", "cidr", "10.0.0.1/8", "reason", "typo"))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cidr"))
                .body("errors[0].message", equalTo("has host bits set; did you mean 10.0.0.0/8?"));
    }

    @Test
    void pastExpiryAndUnknownFieldsAreRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "action",
                        "DENY",
                        "cidr",
                        network,
                        "reason",
                        "r",
                        "expiresAt",
                        Instant.now().minusSeconds(5).toString()))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "DENY", "cidr", network, "reason", "r", "priority", 1))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "DENY", "cidr", network))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static String create(String path, String action, String cidr) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("action", action, "cidr", cidr, "reason", "test"))
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
