package io.keygate.audit.event.rest;

import static io.keygate.audit.event.SampleEvents.issued;
import static io.keygate.audit.event.SampleEvents.revoked;
import static io.keygate.audit.event.SampleEvents.routeDefined;
import static io.keygate.audit.event.SampleEvents.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AuditEventResourceQuarkusTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final String tenant = uniqueTenant();
    private final String keyA = "key_" + UUID.randomUUID();
    private final String keyB = "key_" + UUID.randomUUID();
    private final List<EventEnvelope<KeygateEvent>> events = new ArrayList<>();

    /** Five events of one tenant; three share a time so a page boundary falls between equal times. */
    @BeforeEach
    void publishTenantHistory() {
        events.add(issued(tenant, keyA, T0));
        events.add(issued(tenant, keyB, T0.plusSeconds(10)));
        events.add(routeDefined(tenant, "rt_" + UUID.randomUUID(), T0.plusSeconds(10)));
        events.add(revoked(tenant, keyB, T0.plusSeconds(10)));
        events.add(revoked(tenant, keyA, T0.plusSeconds(20)));
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            events.forEach(producer::send);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(query().queryParam("limit", 500)
                                .get("/audit/events")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items"))
                        .hasSize(events.size()));
    }

    @AfterEach
    void clear() {
        events.clear();
    }

    @Test
    void pagesFollowTheStableOrderAcrossPageBoundaries() {
        List<String> expected = events.stream()
                .sorted(Comparator.<EventEnvelope<KeygateEvent>, Instant>comparing(EventEnvelope::occurredAt)
                        // PostgreSQL orders uuids by their bytes, which is their lower-case text order.
                        .thenComparing(e -> e.id().toString()))
                .map(e -> e.id().toString())
                .toList();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = query().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/audit/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            pageSizes.add(page.getList("items").size());
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void filtersSelectByTypeActionTargetOutcomeAndTimeRange() {
        assertThat(ids(query().queryParam("type", "io.keygate.apikey.revoked.v1")))
                .containsExactlyInAnyOrder(
                        events.get(3).id().toString(), events.get(4).id().toString());
        assertThat(ids(query().queryParam("action", "apikey.issued")))
                .containsExactlyInAnyOrder(
                        events.get(0).id().toString(), events.get(1).id().toString());
        assertThat(ids(query().queryParam("target", keyA)))
                .containsExactly(
                        events.get(0).id().toString(), events.get(4).id().toString());
        assertThat(ids(query().queryParam("outcome", "success"))).hasSize(5);
        assertThat(ids(query().queryParam("outcome", "failure"))).isEmpty();
        assertThat(ids(query().queryParam("actor", "user:nobody"))).isEmpty();
        assertThat(ids(query().queryParam("from", T0.plusSeconds(10).toString())
                        .queryParam("to", T0.plusSeconds(20).toString())))
                .hasSize(3)
                .doesNotContain(
                        events.get(0).id().toString(), events.get(4).id().toString());
        assertThat(ids(given().queryParam("tenantId", "nobody-" + UUID.randomUUID())))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "limit,0",
        "limit,501",
        "limit,ten",
        "from,yesterday",
        "to,2026-13-01T00:00:00Z",
        "after,bm90IGEgY3Vyc29y",
        "tenantId,' '"
    })
    void badParametersAreProblemsNamingTheParameter(String parameter, String value) {
        given().queryParam(parameter, value)
                .get("/audit/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAProblem() {
        given().queryParam("from", T0.toString())
                .queryParam("to", T0.minusSeconds(1).toString())
                .get("/audit/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void exportsStreamEveryMatchingEntryAsJsonLinesOrCsv() {
        String jsonl = query().get("/audit/events/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/jsonl"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("audit-entries.jsonl"))
                .extract()
                .asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"id\":\"" + events.get(0).id());
        io.restassured.path.json.JsonPath last = new io.restassured.path.json.JsonPath(lines.get(4));
        assertThat(last.getString("action")).isEqualTo("apikey.revoked");
        assertThat(last.getString("data.reason")).isEqualTo("leaked");

        String csv = query().queryParam("format", "csv")
                .queryParam("action", "apikey.revoked")
                .get("/audit/events/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).startsWith("id,time,tenantId,actor,action,target,outcome,clientIp,type");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith(events.get(3).id() + ",").contains(",apikey.revoked," + keyB + ",success,");

        given().queryParam("format", "xml")
                .get("/audit/events/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void oneEventIsReadByIdAndUnknownOrMalformedIdsAreProblems() {
        EventEnvelope<KeygateEvent> issued = events.get(0);
        given().get("/audit/events/{id}", issued.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(issued.id().toString()))
                .body("subject", equalTo(keyA));
        given().get("/audit/events/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/audit/events/{id}", "nope").then().statusCode(400).body("errors[0].field", equalTo("eventId"));
    }

    @Test
    void aTenantsAuditorReadsOneEventOfTheirTenantOnlyAndMustNameIt() {
        EventEnvelope<KeygateEvent> issued = events.get(0);
        String auditor = "Bearer " + TestSessions.member(tenant, "auditor");
        String otherAuditor = "Bearer " + TestSessions.member("other-" + tenant, "auditor");

        given().header("Authorization", auditor)
                .queryParam("tenantId", tenant)
                .get("/audit/events/{id}", issued.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(issued.id().toString()));
        given().header("Authorization", auditor)
                .get("/audit/events/{id}", issued.id())
                .then()
                .statusCode(403);
        given().header("Authorization", otherAuditor)
                .queryParam("tenantId", tenant)
                .get("/audit/events/{id}", issued.id())
                .then()
                .statusCode(403);
        // Naming their own tenant does not open another tenant's entry: it is not found.
        given().header("Authorization", otherAuditor)
                .queryParam("tenantId", "other-" + tenant)
                .get("/audit/events/{id}", issued.id())
                .then()
                .statusCode(404);
    }

    private RequestSpecification query() {
        return given().queryParam("tenantId", tenant);
    }

    private static List<String> ids(RequestSpecification request) {
        return request.get("/audit/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }
}
