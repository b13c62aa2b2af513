package io.keygate.token.testdata;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** API keys issued through the API, for tests that need one and check its issuance elsewhere. */
public final class TestApiKeys {

    private TestApiKeys() {}

    /** Issues a key in {@code tenantId} with {@code body}; the answer (201) with the secret shown once. */
    public static JsonPath issue(String tenantId, Map<String, ?> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/api-keys", tenantId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Issues a key in {@code tenantId} with {@code body} and returns its id. */
    public static String issueId(String tenantId, Map<String, ?> body) {
        return issue(tenantId, body).getString("id");
    }
}
