package io.keygate.token.identity.rest;

import static io.keygate.token.testdata.Identities.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.TestUser;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lockout with backoff (test profile: 5 failures per account name, 20 per client address, 30 s doubling). */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class LockoutQuarkusTest {

    @Inject
    SigningKeyService signingKeys;

    private String tenant;

    @BeforeEach
    void tenant() {
        Identities.awaitSigningKey(signingKeys);
        tenant = Identities.newTenant();
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresWithBackoffEvenForTheRightPassword() {
        TestUser user = Identities.activeUser(tenant, List.of("viewer"));
        for (int i = 1; i <= 4; i++) {
            Response failure = login(user.email(), "wrong-password-" + i, Identities.newClientIp());
            assertThat(failure.statusCode()).isEqualTo(401);
            assertThat(failure.header("Retry-After")).isNull();
        }

        Response fifth = login(user.email(), "wrong-password-5", Identities.newClientIp());
        Response locked = login(user.email(), user.password(), Identities.newClientIp());

        assertThat(fifth.statusCode()).isEqualTo(401);
        assertThat(fifth.header("Retry-After")).isEqualTo("30");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        assertThat(locked.asString()).isEqualTo(fifth.asString());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(failuresOf(user.userId()))
                        .extracting(LoginFailed::reason)
                        .containsExactly(
                                LoginFailureReason.BAD_PASSWORD,
                                LoginFailureReason.BAD_PASSWORD,
                                LoginFailureReason.BAD_PASSWORD,
                                LoginFailureReason.BAD_PASSWORD,
                                LoginFailureReason.BAD_PASSWORD,
                                LoginFailureReason.LOCKED));
    }

    @Test
    void anUnknownAddressIsLockedExactlyLikeAKnownOne() {
        String unknown = Identities.newEmail();
        TestUser known = Identities.activeUser(tenant, List.of("viewer"));
        for (int i = 1; i <= 4; i++) {
            login(unknown, "wrong-password-" + i, Identities.newClientIp());
            login(known.email(), "wrong-password-" + i, Identities.newClientIp());
        }

        Response unknownFifth = login(unknown, "wrong-password-5", Identities.newClientIp());
        Response knownFifth = login(known.email(), "wrong-password-5", Identities.newClientIp());
        Response unknownLocked = login(unknown, "wrong-password-6", Identities.newClientIp());
        Response knownLocked = login(known.email(), "wrong-password-6", Identities.newClientIp());

        assertThat(unknownFifth.header("Retry-After"))
                .isEqualTo(knownFifth.header("Retry-After"))
                .isEqualTo("30");
        assertThat(unknownLocked.statusCode())
                .isEqualTo(knownLocked.statusCode())
                .isEqualTo(401);
        assertThat(unknownLocked.header("Retry-After")).isNotNull();
        assertThat(knownLocked.header("Retry-After")).isNotNull();
        assertThat(unknownLocked.asString()).isEqualTo(knownLocked.asString());
    }

    @Test
    void aClientAddressIsLockedAfterTwentyFailuresWhateverTheAccounts() {
        String clientIp = Identities.newClientIp();
        TestUser user = Identities.activeUser(tenant, List.of("viewer"));
        Response last = null;
        for (int i = 1; i <= 20; i++) {
            last = login(Identities.newEmail(), "wrong-password", clientIp);
            if (i < 20) {
                assertThat(last.header("Retry-After")).isNull();
            }
        }

        assertThat(last.header("Retry-After")).isEqualTo("30");
        Response blocked = login(user.email(), user.password(), clientIp);
        assertThat(blocked.statusCode()).isEqualTo(401);
        assertThat(blocked.header("Retry-After")).isNotNull();
        // The account itself is not locked: from another address the same login goes on.
        assertThat(login(user.email(), user.password(), Identities.newClientIp())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnoredButTheTrustedPeerPassesTheClientOn() {
        // 127.0.0.1 is a trusted proxy in the test profile; the rightmost untrusted hop is the client.
        String clientIp = Identities.newClientIp();
        for (int i = 1; i <= 20; i++) {
            from("203.0.113.250, " + clientIp)
                    .body(Map.of("email", Identities.newEmail(), "password", "wrong-password"))
                    .post("/auth/login");
        }

        assertThat(login(Identities.newEmail(), "x-password-123", clientIp).header("Retry-After"))
                .isNotNull();
    }

    private static Response login(String email, String password, String clientIp) {
        return from(clientIp).body(Map.of("email", email, "password", password)).post("/auth/login");
    }

    private static List<LoginFailed> failuresOf(String userId) {
        return PublishedIdentityEvents.all().stream()
                .map(e -> e.data())
                .filter(LoginFailed.class::isInstance)
                .map(LoginFailed.class::cast)
                .filter(failed -> userId.equals(failed.userId()))
                .sorted(java.util.Comparator.comparing(LoginFailed::at))
                .toList();
    }
}
