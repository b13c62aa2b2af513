package io.keygate.token.identity.team;

import static io.keygate.token.testdata.Identities.as;
import static io.keygate.token.testdata.Identities.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.EnrolledUser;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Teams: an admin puts users in a team, the team owns applications, and its members (a developer's own grant) manage
 * them from their session's next refresh, which carries the team in its {@code teams} claim.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class TeamQuarkusTest {

    @Inject
    SigningKeyService signingKeys;

    private String tenant;
    private String admin;
    private EnrolledUser alice;
    private EnrolledUser bob;

    @BeforeEach
    void tenantWithTwoDevelopers() {
        Identities.awaitSigningKey(signingKeys);
        tenant = Identities.newTenant();
        admin = TestSessions.member(tenant, "admin");
        alice = Identities.enrolledUser(tenant, List.of("developer"));
        bob = Identities.enrolledUser(tenant, List.of("developer"));
    }

    @Test
    void aTeamsMembersManageItsApplicationsFromTheirNextRefresh() {
        String team = createTeam("Payments", List.of(alice.user().userId()));
        String app = as(admin)
                .body(Map.of("name", "payments-api", "teamId", team))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .body("teamId", equalTo(team))
                .extract()
                .path("id");

        // Alice's session predates the team: her token does not name it yet.
        assertThat(as(alice.accessToken())
                        .get("/tenants/{t}/applications/{a}", tenant, app)
                        .statusCode())
                .isEqualTo(404);
        String aliceNow = refresh(alice);
        assertThat(Identities.claims(aliceNow).path("teams").get(0).asText()).isEqualTo(team);
        as(aliceNow).get("/tenants/{t}/applications/{a}", tenant, app).then().statusCode(200);
        assertThat(as(aliceNow)
                        .get("/tenants/{t}/applications", tenant)
                        .then()
                        .extract()
                        .<List<String>>path("id"))
                .containsExactly(app);
        String key = as(aliceNow)
                .body(Map.of("name", "k", "applicationId", app))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A developer may give what they create to one of their teams, not to another.
        as(aliceNow)
                .body(Map.of("name", "mine and the team's", "teamId", team))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .body("ownerId", equalTo(alice.user().userId()))
                .body("teamId", equalTo(team));
        String other = createTeam("Search", List.of(bob.user().userId()));
        as(aliceNow)
                .body(Map.of("name", "theirs", "teamId", other))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(403);

        // Bob is in no team of the application.
        String bobNow = refresh(bob);
        assertThat(as(bobNow).get("/tenants/{t}/applications/{a}", tenant, app).statusCode())
                .isEqualTo(404);
        assertThat(as(bobNow).get("/tenants/{t}/api-keys/{k}", tenant, key).statusCode())
                .isEqualTo(404);

        // Out of the team, out of its applications at the next refresh.
        as(admin)
                .body(Map.of("memberIds", List.of()))
                .patch("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200)
                .body("memberIds", empty());
        String aliceLater = refresh(alice);
        assertThat(Identities.claims(aliceLater).has("teams")).isFalse();
        assertThat(as(aliceLater)
                        .get("/tenants/{t}/applications/{a}", tenant, app)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void teamsAreManagedByAdminsAndEveryChangeIsAnEvent() {
        String team = createTeam("Payments", List.of(alice.user().userId()));
        as(alice.accessToken())
                .get("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200)
                .body("memberIds", contains(alice.user().userId()));
        assertThat(as(alice.accessToken())
                        .body(Map.of("name", "mine"))
                        .patch("/tenants/{t}/teams/{team}", tenant, team)
                        .statusCode())
                .isEqualTo(403);

        as(admin)
                .body(Map.of(
                        "name",
                        "Payments platform",
                        "memberIds",
                        List.of(alice.user().userId(), bob.user().userId())))
                .patch("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200)
                .body("name", equalTo("Payments platform"));
        as(admin).delete("/tenants/{t}/teams/{team}", tenant, team).then().statusCode(204);
        as(admin).delete("/tenants/{t}/teams/{team}", tenant, team).then().statusCode(204);
        as(admin)
                .get("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELETED"));
        assertThat(as(admin).get("/tenants/{t}/teams", tenant).then().extract().<List<String>>path("id"))
                .doesNotContain(team);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.typesOf(team))
                        .containsExactly(
                                "io.keygate.identity.team-created.v1",
                                "io.keygate.identity.team-updated.v1",
                                "io.keygate.identity.team-deleted.v1"));
        // A deleted team owns nothing new.
        as(admin)
                .body(Map.of("name", "x", "teamId", team))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("teamId"));
    }

    @Test
    void membersMustBeUsersOfTheTenant() {
        String otherTenant = Identities.newTenant();
        Identities.TestUser stranger = Identities.activeUser(otherTenant, List.of("developer"));
        for (String member : List.of(stranger.userId(), TestSessions.newUserId())) {
            as(admin)
                    .body(Map.of("name", "t", "memberIds", List.of(member)))
                    .post("/tenants/{t}/teams", tenant)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("memberIds"));
        }
        as(admin)
                .body(Map.of("name", "t", "memberIds", List.of("alice")))
                .post("/tenants/{t}/teams", tenant)
                .then()
                .statusCode(400);
        // A platform admin naming a tenant that was never created.
        io.restassured.RestAssured.given()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "t"))
                .post(
                        "/tenants/{t}/teams",
                        "t-none-" + UUID.randomUUID().toString().substring(0, 8))
                .then()
                .statusCode(404);
    }

    private String createTeam(String name, List<String> members) {
        Response created =
                as(admin).body(Map.of("name", name, "memberIds", members)).post("/tenants/{t}/teams", tenant);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    /** Refreshes the user's session and returns the new access token (the refresh token rotates with it). */
    private static String refresh(EnrolledUser user) {
        Response refreshed = from(user.user().clientIp())
                .body(Map.of("refreshToken", currentRefreshToken(user)))
                .post("/auth/refresh");
        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        REFRESH_TOKENS.put(user.user().userId(), refreshed.path("refreshToken"));
        return refreshed.path("accessToken");
    }

    private static final Map<String, String> REFRESH_TOKENS = new ConcurrentHashMap<>();

    private static String currentRefreshToken(EnrolledUser user) {
        return REFRESH_TOKENS.getOrDefault(user.user().userId(), user.refreshToken());
    }
}
