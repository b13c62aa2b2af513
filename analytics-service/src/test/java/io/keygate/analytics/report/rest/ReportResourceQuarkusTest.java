package io.keygate.analytics.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ReportResourceQuarkusTest {

    @ParameterizedTest
    @CsvSource({
        "/reports/series,tenantId,keyId,",
        "/reports/series,granularity,granularity,week",
        "/reports/series,granularity,from,2026-01-01T00:00:00Z",
        "/reports/series,from,from,yesterday",
        "/reports/top,by,by,country",
        "/reports/series,applicationId,applicationId,' '",
        "/reports/top,limit,limit,0",
        "/reports/top,limit,limit,101",
        "/reports/top,limit,limit,ten",
        "/reports/top,routeId,routeId,' '"
    })
    void badParametersAreProblemsNamingTheParameter(String path, String field, String parameter, String value) {
        var request = given();
        if (!field.equals("tenantId")) {
            request.queryParam("tenantId", "acme");
        }
        if (parameter.equals("from") && value.startsWith("2026")) {
            // A month of minutes is too many buckets for one report.
            request.queryParam("to", "2026-01-31T00:00:00Z");
        }
        request.queryParam(parameter, value == null ? "k" : value)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field));
    }
}
