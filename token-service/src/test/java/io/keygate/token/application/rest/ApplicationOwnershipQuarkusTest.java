package io.keygate.token.application.rest;

import static io.keygate.token.testdata.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.keygate.token.testdata.Identities;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The permission table's {@code own} grant, end to end through the token-service's API: a developer owns what they
 * create, sees and manages only that and its credentials, and meets another's application, key or client as if it
 * did not exist; only an admin chooses owners.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApplicationOwnershipQuarkusTest {

    private String tenant;
    private String alice;
    private String bob;
    private String admin;

    @BeforeEach
    void tenantWithTwoDevelopers() {
        tenant = Identities.newTenant();
        alice = TestSessions.member(tenant, "developer");
        bob = TestSessions.member(tenant, "developer");
        admin = TestSessions.member(tenant, "admin");
    }

    @Test
    void aDeveloperOwnsWhatTheyCreateAndListsOnlyThat() {
        String alicesApp = createApp(alice);
        String bobsApp = createApp(bob);

        as(alice)
                .get("/tenants/{t}/applications/{a}", tenant, alicesApp)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo(TestSessions.userIdOf(alice)));
        assertThat(ids(as(alice).get("/tenants/{t}/applications", tenant))).containsExactly(alicesApp);
        assertThat(ids(as(bob).get("/tenants/{t}/applications", tenant))).containsExactly(bobsApp);
        assertThat(ids(as(admin).get("/tenants/{t}/applications", tenant)))
                .containsExactlyInAnyOrder(alicesApp, bobsApp);
        // A viewer reads every application of the tenant; a developer who is also a viewer does too.
        String developerAndViewer = TestSessions.member(tenant, "developer", "viewer");
        assertThat(ids(as(developerAndViewer).get("/tenants/{t}/applications", tenant)))
                .containsExactlyInAnyOrder(alicesApp, bobsApp);
    }

    @Test
    void anotherDevelopersApplicationDoesNotExistForThem() {
        String alicesApp = createApp(alice);

        assertNotFound(as(bob).get("/tenants/{t}/applications/{a}", tenant, alicesApp));
        assertNotFound(
                as(bob).body(Map.of("name", "taken over")).patch("/tenants/{t}/applications/{a}", tenant, alicesApp));
        assertNotFound(as(bob).delete("/tenants/{t}/applications/{a}", tenant, alicesApp));

        as(alice)
                .get("/tenants/{t}/applications/{a}", tenant, alicesApp)
                .then()
                .statusCode(200)
                .body("name", equalTo("app"))
                .body("status", equalTo("ACTIVE"));
        as(alice)
                .body(Map.of("name", "renamed"))
                .patch("/tenants/{t}/applications/{a}", tenant, alicesApp)
                .then()
                .statusCode(200)
                .body("name", equalTo("renamed"));
    }

    @Test
    void aDeveloperManagesOnlyTheCredentialsOfTheirApplications() {
        String alicesApp = createApp(alice);
        String bobsApp = createApp(bob);
        String key = as(alice)
                .body(Map.of("name", "k", "applicationId", alicesApp))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String client = as(alice)
                .body(Map.of("name", "c", "applicationId", alicesApp))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");

        // Issuing for another's application, or for none, is refused naming the field.
        assertInvalidApplication(
                as(alice).body(Map.of("name", "k", "applicationId", bobsApp)).post("/tenants/{t}/api-keys", tenant),
                422);
        assertInvalidApplication(as(alice).body(Map.of("name", "k")).post("/tenants/{t}/api-keys", tenant), 400);
        assertInvalidApplication(
                as(alice)
                        .body(Map.of("name", "c", "applicationId", bobsApp))
                        .post("/tenants/{t}/oauth-clients", tenant),
                422);
        assertInvalidApplication(
                as(alice).body(Map.of("applicationId", bobsApp)).patch("/tenants/{t}/api-keys/{k}", tenant, key), 422);

        // Bob meets Alice's credentials as unknown ones.
        assertNotFound(as(bob).get("/tenants/{t}/api-keys/{k}", tenant, key));
        assertNotFound(as(bob).body(Map.of("name", "mine")).patch("/tenants/{t}/api-keys/{k}", tenant, key));
        assertNotFound(as(bob).body(Map.of()).post("/tenants/{t}/api-keys/{k}/rotate", tenant, key));
        assertNotFound(as(bob).body(Map.of()).post("/tenants/{t}/api-keys/{k}/revoke", tenant, key));
        assertNotFound(as(bob).get("/tenants/{t}/api-keys/{k}/revocation", tenant, key));
        assertNotFound(as(bob).get("/tenants/{t}/oauth-clients/{c}", tenant, client));
        assertNotFound(as(bob).post("/tenants/{t}/oauth-clients/{c}/revoke", tenant, client));
        assertThat(ids(as(bob).get("/tenants/{t}/api-keys", tenant))).isEmpty();
        assertThat(as(bob).get("/tenants/{t}/oauth-clients", tenant)
                        .then()
                        .extract()
                        .<List<String>>path("clientId"))
                .isEmpty();

        // Alice still has both, untouched, and manages them.
        assertThat(ids(as(alice).get("/tenants/{t}/api-keys", tenant))).containsExactly(key);
        assertThat(as(alice)
                        .get("/tenants/{t}/oauth-clients", tenant)
                        .then()
                        .extract()
                        .<List<String>>path("clientId"))
                .containsExactly(client);
        as(alice)
                .body(Map.of("reason", "done"))
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, key)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        as(alice)
                .post("/tenants/{t}/oauth-clients/{c}/revoke", tenant, client)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void onlyAnAdminChoosesAnOwner() {
        String alicesApp = createApp(alice);
        Identities.TestUser carol = Identities.activeUser(tenant, List.of("developer"));

        assertForbidden(as(alice)
                .body(Map.of("ownerId", carol.userId()))
                .patch("/tenants/{t}/applications/{a}", tenant, alicesApp));
        assertForbidden(as(alice)
                .body(Map.of("name", "for carol", "ownerId", carol.userId()))
                .post("/tenants/{t}/applications", tenant));

        // The owner must be a user of the tenant.
        String otherTenant = Identities.newTenant();
        Identities.TestUser stranger = Identities.activeUser(otherTenant, List.of("developer"));
        for (String owner : List.of(stranger.userId(), TestSessions.newUserId())) {
            as(admin)
                    .body(Map.of("name", "x", "ownerId", owner))
                    .post("/tenants/{t}/applications", tenant)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("ownerId"));
        }

        // An admin's application is theirs by default, and they hand Alice's to Carol.
        as(admin)
                .body(Map.of("name", "admin's"))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .body("ownerId", equalTo(TestSessions.userIdOf(admin)));
        as(admin)
                .body(Map.of("ownerId", carol.userId()))
                .patch("/tenants/{t}/applications/{a}", tenant, alicesApp)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo(carol.userId()));
        assertNotFound(as(alice).get("/tenants/{t}/applications/{a}", tenant, alicesApp));
    }

    private String createApp(String session) {
        return as(session)
                .body(Map.of("name", "app"))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<String> ids(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.then().extract().path("id");
    }

    private static void assertNotFound(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertForbidden(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
        assertThat(response.<String>path("type")).endsWith("/forbidden");
    }

    private static void assertInvalidApplication(Response response, int status) {
        ExtractableResponse<Response> answer = response.then().extract();
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.<String>path("errors[0].field")).isEqualTo("applicationId");
    }
}
