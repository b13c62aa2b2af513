package io.keygate.policy.route.rest;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.route;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.policy.testdata.StrictUpstreamsProfile;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the default configuration, the SSRF guard refuses the loopback targets the other tests use. */
@QuarkusTest
@TestProfile(StrictUpstreamsProfile.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class StrictUpstreamsQuarkusTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999", "http://localhost:8070", "http://[::1]:80", "http://169.254.1.1"})
    void theDefaultRefusesLoopbackAndLinkLocalTargets(String url) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String apiId = createApi(tenant, "private");
        given().contentType(ContentType.JSON)
                .body(route("/" + UUID.randomUUID(), url))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("targets[0].url"));
    }
}
