package io.keygate.token.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class IdentityHousekeepingQuarkusTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    IdentityHousekeeping housekeeping;

    @Inject
    SigningKeyService signingKeys;

    @Inject
    Pool pool;

    @Test
    void expiredChallengesAndForgottenLockoutsGoLiveOnesStay() {
        Instant now = Instant.now();
        String expired = "test-" + UUID.randomUUID();
        String live = "test-" + UUID.randomUUID();
        insertChallenge(expired, now.minusSeconds(1));
        insertChallenge(live, now.plusSeconds(300));
        String expiredRegistration = "usr_" + UUID.randomUUID().toString().replace("-", "");
        String liveRegistration = "usr_" + UUID.randomUUID().toString().replace("-", "");
        insertRegistration(expiredRegistration, now.minusSeconds(1));
        insertRegistration(liveRegistration, now.plusSeconds(300));
        String forgotten = "test-" + UUID.randomUUID();
        String stillLocked = "test-" + UUID.randomUUID();
        String recent = "test-" + UUID.randomUUID();
        insertThrottle(forgotten, now.minus(Duration.ofHours(2)), null);
        insertThrottle(stillLocked, now.minus(Duration.ofHours(2)), now.plusSeconds(60));
        insertThrottle(recent, now.minusSeconds(10), null);

        housekeeping.runOnce(now).await().atMost(TIMEOUT);

        assertThat(count("login_challenge", "challenge_hash", expired)).isZero();
        assertThat(count("login_challenge", "challenge_hash", live)).isOne();
        assertThat(count("passkey_registration", "user_id", expiredRegistration))
                .isZero();
        assertThat(count("passkey_registration", "user_id", liveRegistration)).isOne();
        assertThat(count("login_throttle", "throttle_key", forgotten)).isZero();
        assertThat(count("login_throttle", "throttle_key", stillLocked)).isOne();
        assertThat(count("login_throttle", "throttle_key", recent)).isOne();
    }

    @Test
    void theRefreshTokensOfAnEndedSessionGoThoseOfALiveOneStay() {
        Identities.awaitSigningKey(signingKeys);
        String tenant = Identities.newTenant();
        Identities.EnrolledUser ended = Identities.enrolledUser(tenant, List.of("viewer"));
        Identities.EnrolledUser live = Identities.enrolledUser(tenant, List.of("viewer"));
        Identities.as(ended.accessToken()).post("/auth/logout").then().statusCode(204);
        String endedSession = Identities.claims(ended.accessToken()).path("sid").asText();
        String liveSession = Identities.claims(live.accessToken()).path("sid").asText();
        assertThat(count("session_refresh_token", "session_id", endedSession)).isPositive();

        housekeeping.runOnce(Instant.now()).await().atMost(TIMEOUT);

        assertThat(count("session_refresh_token", "session_id", endedSession)).isZero();
        assertThat(count("session_refresh_token", "session_id", liveSession)).isOne();
    }

    private void insertChallenge(String hash, Instant expiresAt) {
        pool.preparedQuery(
                        "INSERT INTO login_challenge (challenge_hash, user_id, step, expires_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(hash, "usr_none", "MFA", expiresAt.atOffset(ZoneOffset.UTC)))
                .await()
                .atMost(TIMEOUT);
    }

    private void insertRegistration(String userId, Instant expiresAt) {
        pool.preparedQuery("INSERT INTO passkey_registration (user_id, challenge, expires_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(userId, "challenge", expiresAt.atOffset(ZoneOffset.UTC)))
                .await()
                .atMost(TIMEOUT);
    }

    private void insertThrottle(String key, Instant lastFailure, Instant lockedUntil) {
        pool.preparedQuery(
                        "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) VALUES ($1, 3, $2, $3)")
                .execute(Tuple.of(
                        key,
                        lastFailure.atOffset(ZoneOffset.UTC),
                        lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC)))
                .await()
                .atMost(TIMEOUT);
    }

    private long count(String table, String column, String value) {
        return pool.preparedQuery("SELECT count(*) AS n FROM " + table + " WHERE " + column + " = $1")
                .execute(Tuple.of(value))
                .await()
                .atMost(TIMEOUT)
                .iterator()
                .next()
                .getLong("n");
    }
}
