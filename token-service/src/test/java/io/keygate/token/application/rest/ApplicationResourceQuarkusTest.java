package io.keygate.token.application.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.application.ApplicationIds;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApplicationResourceQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createdApplicationIsReadableListedAndPublished() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Partner portal", "description", "orders sync", "contactEmail", "team@example.com"))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .body("id", matchesPattern(ApplicationIds.FORMAT))
                .body("status", equalTo("ACTIVE"))
                .body("tenantId", equalTo(tenant))
                .body("createdAt", notNullValue())
                .body("deletedAt", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/tenants/" + tenant + "/applications/" + id);
        create("other", null);

        given().get("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Partner portal"))
                .body("description", equalTo("orders sync"))
                .body("contactEmail", equalTo("team@example.com"));
        given().get("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(200)
                .body("name", contains("other", "Partner portal"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedTokenEvents.of(id))
                        .singleElement()
                        .satisfies(envelope -> assertThat(envelope.data())
                                .isInstanceOfSatisfying(
                                        ApplicationCreated.class,
                                        event -> assertThat(event.application().contactEmail())
                                                .isEqualTo("team@example.com"))));
    }

    @Test
    void mergePatchChangesWhatIsSentAndPublishesOnlyTheChangedFields() {
        String id = create("Partner portal", "orders sync");
        Map<String, Object> patch = new HashMap<>();
        patch.put("description", null);
        patch.put("contactEmail", "ops@example.com");
        patch.put("name", "Partner portal");

        given().contentType("application/merge-patch+json")
                .body(patch)
                .patch("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(200)
                .body("description", nullValue())
                .body("contactEmail", equalTo("ops@example.com"))
                .body("name", equalTo("Partner portal"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Partner portal"))
                .patch("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(200);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedTokenEvents.of(id))
                        .hasSize(2)
                        .last()
                        .satisfies(envelope -> assertThat(envelope.data())
                                .isInstanceOfSatisfying(
                                        ApplicationUpdated.class,
                                        updated -> assertThat(updated.changedFields())
                                                .containsExactly("description", "contactEmail"))));
    }

    @Test
    void listIsNewestFirstBoundedAndHidesDeletedApplicationsUnlessAsked() {
        String first = create("first", null);
        String second = create("second", null);
        String third = create("third", null);
        given().delete("/tenants/{t}/applications/{a}", tenant, second).then().statusCode(204);

        given().get("/tenants/{t}/applications", tenant).then().statusCode(200).body("id", contains(third, first));
        given().queryParam("limit", 1)
                .get("/tenants/{t}/applications", tenant)
                .then()
                .body("id", contains(third));
        given().queryParam("status", "DELETED")
                .get("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(200)
                .body("id", contains(second))
                .body("[0].status", equalTo("DELETED"))
                .body("[0].deletedAt", notNullValue());
        given().queryParam("limit", 0)
                .get("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 501)
                .get("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400);
        given().queryParam("status", "GONE")
                .get("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        assertCreateRefused(Map.of("description", "no name"), "name");
        assertCreateRefused(Map.of("name", " "), "name");
        assertCreateRefused(Map.of("name", "x".repeat(101)), "name");
        assertCreateRefused(Map.of("name", "tab\there"), "name");
        assertCreateRefused(Map.of("name", "x", "description", "d".repeat(1001)), "description");
        assertCreateRefused(Map.of("name", "x", "contactEmail", "not an address"), "contactEmail");
        assertCreateRefused(Map.of("name", "x", "owner", "me"), "owner");
        given().contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/tenants/{t}/applications", "Bad Tenant!")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        given().get("/tenants/{t}/applications/{a}", tenant, "app_nope")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("applicationId"));

        String id = create("x", null);
        Map<String, Object> clearName = new HashMap<>();
        clearName.put("name", null);
        given().contentType(ContentType.JSON)
                .body(clearName)
                .patch("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body(Map.of("contactEmail", "a@b"))
                .patch("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("contactEmail"));
    }

    @Test
    void anotherTenantsApplicationIsNotFound() {
        String id = create("mine", null);

        given().get("/tenants/{t}/applications/{a}", "someone-else", id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Not found"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "theirs"))
                .patch("/tenants/{t}/applications/{a}", "someone-else", id)
                .then()
                .statusCode(404);
        given().delete("/tenants/{t}/applications/{a}", "someone-else", id)
                .then()
                .statusCode(404);
        given().get("/tenants/{t}/applications", "someone-else")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().get("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void deletingTwiceAnswers204BothTimesPublishesOnceAndFreezesTheApplication() {
        String id = create("short-lived", null);

        given().delete("/tenants/{t}/applications/{a}", tenant, id).then().statusCode(204);
        given().delete("/tenants/{t}/applications/{a}", tenant, id).then().statusCode(204);

        given().get("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELETED"))
                .body("deletedAt", notNullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "revived"))
                .patch("/tenants/{t}/applications/{a}", tenant, id)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409));
        given().delete("/tenants/{t}/applications/{a}", tenant, "app_" + "0".repeat(32))
                .then()
                .statusCode(404);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedTokenEvents.typesOf(id))
                        .containsExactly("io.keygate.application.created.v1", "io.keygate.application.deleted.v1"));
    }

    private String create(String name, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", description);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void assertCreateRefused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo(field));
    }
}
