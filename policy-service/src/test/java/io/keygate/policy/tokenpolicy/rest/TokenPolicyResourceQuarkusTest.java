package io.keygate.policy.tokenpolicy.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.policy.testdata.PublishedPolicyEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class TokenPolicyResourceQuarkusTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void policyIsSetReadBackAndPublishedInFullWithItsVersion() {
        given().get("/tenants/{t}/token-policy", tenant).then().statusCode(404);
        put(Map.of(
                        "maxKeyLifetime",
                        "P90D",
                        "expiryRequired",
                        true,
                        "maxKeyAge",
                        "P180D",
                        "rotationWarningDays",
                        14,
                        "forceExpiryWhenTooOld",
                        true,
                        "allowedCidrs",
                        List.of("203.0.113.0/24")))
                .statusCode(200)
                .body("version", equalTo(1))
                .body("maxKeyLifetime", equalTo("PT2160H"));
        put(Map.of("expiryRequired", true)).statusCode(200).body("version", equalTo(2));
        put(Map.of("expiryRequired", true)).statusCode(200).body("version", equalTo(2));

        given().get("/tenants/{t}/token-policy", tenant)
                .then()
                .statusCode(200)
                .body("expiryRequired", equalTo(true))
                .body("allowedCidrs.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(PublishedPolicyEvents.dataOf(TokenPolicyState.aggregateIdOf(tenant)))
                        .hasSize(2)
                        .first()
                        .isInstanceOfSatisfying(TokenPolicySet.class, set -> {
                            assertThat(set.policy().maxKeyLifetime()).isEqualTo(Duration.ofDays(90));
                            assertThat(set.policy().allowedCidrs()).containsExactly("203.0.113.0/24");
                            assertThat(set.policy().version()).isEqualTo(1);
                        }));
    }

    @Test
    void inconsistentPolicyIsAProblemNamingTheField() {
        put(Map.of("forceExpiryWhenTooOld", true))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("forceExpiryWhenTooOld"));
        put(Map.of("allowedCidrs", List.of("10.0.0.1/8")))
                .statusCode(400)
                .body("errors.field", contains("allowedCidrs[0]"));
        put(Map.of("maxKeyAge", "P10D", "rotationWarningDays", 91)).statusCode(400);
        put(Map.of("maxKeyLifetime", "ninety days")).statusCode(400).contentType("application/problem+json");
        put(Map.of("maxLifetime", "P1D")).statusCode(400).contentType("application/problem+json");
    }

    private io.restassured.response.ValidatableResponse put(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/tenants/{t}/token-policy", tenant)
                .then();
    }
}
