package io.keygate.token.identity.rest;

import static io.keygate.token.testdata.Identities.as;
import static io.keygate.token.testdata.Identities.code;
import static io.keygate.token.testdata.Identities.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.IssuedSecretsRecorder;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.EnrolledUser;
import io.keygate.token.testdata.Identities.TestUser;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class LoginFlowQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SigningKeyService signingKeys;

    private String tenant;

    @BeforeEach
    void tenant() {
        Identities.awaitSigningKey(signingKeys);
        tenant = Identities.newTenant();
    }

    @Test
    void invitedUserEnrolsTotpThenLogsInWithACodeAndReuseOfARefreshTokenEndsTheSession() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("developer"));
        TestUser user = enrolled.user();
        assertThat(enrolled.recoveryCodes()).hasSize(10);

        String challenge = from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("step", equalTo("MFA"))
                .body("accessToken", nullValue())
                .extract()
                .path("challengeToken");
        var session = from(user.clientIp())
                .body(Map.of("challengeToken", challenge, "code", code(user.totpSecret(), 1)))
                .post("/auth/login/mfa")
                .then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(300))
                .body("refreshToken", startsWith("kgrt_"))
                .extract();
        // The challenge is single use.
        from(user.clientIp())
                .body(Map.of("challengeToken", challenge, "code", code(user.totpSecret(), 1)))
                .post("/auth/login/mfa")
                .then()
                .statusCode(401)
                .body("errors[0].field", equalTo("challengeToken"));

        String firstRefresh = session.path("refreshToken");
        var refreshed = from(user.clientIp())
                .body(Map.of("refreshToken", firstRefresh))
                .post("/auth/refresh")
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue())
                .extract();
        String secondRefresh = refreshed.path("refreshToken");
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        String sessionId =
                Identities.claims(refreshed.path("accessToken")).path("sid").asText();

        from(user.clientIp())
                .body(Map.of("refreshToken", firstRefresh))
                .post("/auth/refresh")
                .then()
                .statusCode(401)
                .body("errors[0].field", equalTo("refreshToken"));
        from(user.clientIp())
                .body(Map.of("refreshToken", secondRefresh))
                .post("/auth/refresh")
                .then()
                .statusCode(401);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.of(sessionId))
                        .last()
                        .satisfies(envelope -> {
                            assertThat(envelope.data()).isInstanceOfSatisfying(SessionEnded.class, ended -> {
                                assertThat(ended.reason()).isEqualTo(SessionEndReason.REFRESH_REUSE);
                                assertThat(ended.accessTokenExpiresAt().getEpochSecond())
                                        .isEqualTo(Identities.claims(refreshed.path("accessToken"))
                                                .path("exp")
                                                .asLong());
                            });
                            assertThat(envelope.clientIp()).isEqualTo(user.clientIp());
                        }));
    }

    @Test
    void logoutEndsTheSessionAndItsRefreshToken() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("viewer"));

        as(enrolled.accessToken())
                .get("/auth/me")
                .then()
                .statusCode(200)
                .body("user.email", equalTo(enrolled.user().email()))
                .body("user.roles", equalTo(List.of("viewer")))
                .body("sessionId", startsWith("ses_"));
        as(enrolled.accessToken()).post("/auth/logout").then().statusCode(204);

        from(enrolled.user().clientIp())
                .body(Map.of("refreshToken", enrolled.refreshToken()))
                .post("/auth/refresh")
                .then()
                .statusCode(401);
        String sessionId = Identities.claims(enrolled.accessToken()).path("sid").asText();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.of(sessionId))
                        .last()
                        .satisfies(envelope -> {
                            assertThat(((SessionEnded) envelope.data()).reason())
                                    .isEqualTo(SessionEndReason.LOGOUT);
                            assertThat(envelope.actor())
                                    .isEqualTo("user:" + enrolled.user().userId());
                        }));
    }

    @Test
    void aRecoveryCodeLogsInOnceAndNeverAgain() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("admin"));
        TestUser user = enrolled.user();
        String recoveryCode = enrolled.recoveryCodes().get(3).toLowerCase();

        from(user.clientIp())
                .body(Map.of("challengeToken", mfaChallenge(user), "recoveryCode", recoveryCode))
                .post("/auth/login/mfa")
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue());
        Response again = from(user.clientIp())
                .body(Map.of("challengeToken", mfaChallenge(user), "recoveryCode", recoveryCode))
                .post("/auth/login/mfa");

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.jsonPath().getString("type")).isEqualTo("https://keygate.io/problems/authentication-failed");
        as(enrolled.accessToken()).get("/auth/me").then().body("user.recoveryCodesRemaining", equalTo(9));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.typesOf(user.userId()))
                        .containsOnlyOnce("io.keygate.identity.user-recovery-code-used.v1"));
    }

    @Test
    void anUnknownAddressAndAWrongPasswordGetTheSameAnswerInSimilarTime() {
        TestUser user = Identities.activeUser(tenant, List.of("viewer"));
        List<Long> unknownMillis = new ArrayList<>();
        List<Long> wrongMillis = new ArrayList<>();
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            Response unknown = from(Identities.newClientIp())
                    .body(Map.of("email", Identities.newEmail(), "password", user.password()))
                    .post("/auth/login");
            unknownMillis.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            Response wrong = from(Identities.newClientIp())
                    .body(Map.of("email", user.email(), "password", user.password() + "x"))
                    .post("/auth/login");
            wrongMillis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            unknownBody = unknown.asString();
            wrongBody = wrong.asString();
            // A correct login resets the account's failures, so the account never locks during the measurement.
            from(Identities.newClientIp())
                    .body(Map.of("email", user.email(), "password", user.password()))
                    .post("/auth/login")
                    .then()
                    .statusCode(200);
        }

        assertThat(unknownBody).isEqualTo(wrongBody);
        long unknownMedian = median(unknownMillis);
        long wrongMedian = median(wrongMillis);
        // Both run one Argon2id verification (tens of ms); a shortcut for unknown addresses would be far faster.
        assertThat(unknownMedian)
                .as("median ms, unknown %s vs wrong %s", unknownMillis, wrongMillis)
                .isGreaterThan(wrongMedian / 2)
                .isLessThan(wrongMedian * 2 + 50);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.all().stream()
                                .map(e -> e.data())
                                .filter(LoginFailed.class::isInstance)
                                .map(LoginFailed.class::cast)
                                .filter(failed -> user.userId().equals(failed.userId())))
                        .hasSize(10)
                        .allMatch(failed -> failed.reason() == LoginFailureReason.BAD_PASSWORD));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        from(Identities.newClientIp())
                .body(Map.of("email", "x@example.com", "password", "p", "extra", "y"))
                .post("/auth/login")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("extra"));
        from(Identities.newClientIp())
                .body(Map.of("email", "x@example.com", "password", "p".repeat(600)))
                .post("/auth/login")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("password"));
        from(Identities.newClientIp())
                .body(Map.of("challengeToken", "kgch_nonsense", "code", "123456", "recoveryCode", "AAAA-BBBB-CCCC"))
                .post("/auth/login/mfa")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        IssuedSecretsRecorder.remember("AAAA-BBBB-CCCC");
    }

    private static String mfaChallenge(TestUser user) {
        return from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .body("step", equalTo("MFA"))
                .extract()
                .path("challengeToken");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
