package io.keygate.token.testdata;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Applications for tests that need one to own their credentials (a credential must name a live application). */
public final class TestApplications {

    private TestApplications() {}

    /** Creates an application in {@code tenantId} through the API and returns its id. */
    public static String createIn(String tenantId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "test application"))
                .post("/tenants/{t}/applications", tenantId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
