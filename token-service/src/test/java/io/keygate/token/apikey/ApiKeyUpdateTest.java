package io.keygate.token.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.events.token.TokenEvent;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.UpdateApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Attributes at issue and by update: given(events).when(command).then(events), no database. */
class ApiKeyUpdateTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String APP = "app_0123456789abcdef0123456789abcdef";

    @Test
    void issueCarriesEveryAttributeWithTheAllowListNormalised() {
        ApiKeyAttributes attributes = new ApiKeyAttributes(
                "partner",
                "nightly sync",
                APP,
                List.of("orders:read"),
                T0.plusSeconds(60),
                List.of("203.0.113.0/24", "::ffff:198.51.100.7", "2001:DB8::/32", "203.0.113.0/24"),
                new RateLimit(10, RateLimitPeriod.SECOND),
                new Quota(1000, QuotaRefill.DAY),
                Map.of("team", "billing"));

        List<TokenEvent> events = ApiKey.decide(issue(attributes), null);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyIssued.class, issued -> {
            ApiKeyState key = issued.key();
            assertThat(key.ipAllowList()).containsExactly("203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32");
            assertThat(key.description()).isEqualTo("nightly sync");
            assertThat(key.applicationId()).isEqualTo(APP);
            assertThat(key.rateLimit()).isEqualTo(new RateLimit(10, RateLimitPeriod.SECOND));
            assertThat(key.quota()).isEqualTo(new Quota(1000, QuotaRefill.DAY));
            assertThat(key.metadata()).containsEntry("team", "billing");
        });
    }

    @Test
    void updateEmitsTheFullStateAndOnlyTheFieldsThatChanged() {
        ApiKeyState key = issued();

        List<TokenEvent> events = ApiKey.decide(
                update(
                        Set.of(ApiKeyField.DESCRIPTION, ApiKeyField.SCOPES, ApiKeyField.NAME),
                        new ApiKeyAttributes(
                                "k", "now described", null, List.of("a", "b"), null, null, null, null, null)),
                key);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyUpdated.class, updated -> {
            assertThat(updated.changedFields()).containsExactly("description", "scopes");
            assertThat(updated.key().description()).isEqualTo("now described");
            assertThat(updated.key().scopes()).containsExactly("a", "b");
            assertThat(updated.key().keyHash()).isEqualTo(key.keyHash());
            assertThat(updated.key().createdAt()).isEqualTo(key.createdAt());
        });
    }

    @Test
    void fieldsLeftOutKeepTheirValueAndNullClears() {
        ApiKeyState key = ApiKey.replay(ApiKey.decide(
                issue(new ApiKeyAttributes(
                        "k",
                        "d",
                        APP,
                        List.of("s"),
                        null,
                        List.of("10.0.0.0/8"),
                        new RateLimit(1, RateLimitPeriod.HOUR),
                        null,
                        Map.of("a", 1))),
                null));

        ApiKeyState after = ApiKey.replay(ApiKey.decide(
                update(Set.of(ApiKeyField.RATE_LIMIT, ApiKeyField.METADATA), ApiKeyAttributes.named(null)), key));

        assertThat(after.rateLimit()).isNull();
        assertThat(after.metadata()).isNull();
        assertThat(after.description()).isEqualTo("d");
        assertThat(after.ipAllowList()).containsExactly("10.0.0.0/8");
        assertThat(after.applicationId()).isEqualTo(APP);
    }

    @Test
    void patchThatChangesNothingEmitsNothing() {
        ApiKeyState key = issued();
        assertThat(ApiKey.decide(update(Set.of(ApiKeyField.NAME), ApiKeyAttributes.named("k")), key))
                .isEmpty();
        assertThat(ApiKey.decide(update(Set.of(), ApiKeyAttributes.named(null)), key))
                .isEmpty();
    }

    @Test
    void revokedKeyCannotBeUpdated() {
        ApiKeyState key = issued();
        ApiKeyState revoked = ApiKey.replay(ApiKey.decide(new RevokeApiKey("key_1", "acme", "x", T0), key));

        assertThatThrownBy(
                        () -> ApiKey.decide(update(Set.of(ApiKeyField.NAME), ApiKeyAttributes.named("new")), revoked))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(new ApiKeyRejection.NotActive("key_1", "REVOKED")));
    }

    @Test
    void keyPastItsExpiryCannotBeUpdatedEvenBeforeItsExpiredEvent() {
        ApiKeyState key = ApiKey.replay(ApiKey.decide(
                issue(new ApiKeyAttributes("k", null, null, null, T0.plusSeconds(10), null, null, null, null)), null));

        assertThatThrownBy(() -> ApiKey.decide(
                        new UpdateApiKey(
                                "key_1",
                                "acme",
                                new ApiKeyPatch(Set.of(ApiKeyField.EXPIRES_AT), ApiKeyAttributes.named(null)),
                                T0.plusSeconds(10)),
                        key))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(new ApiKeyRejection.NotActive("key_1", "EXPIRED")));
    }

    @Test
    void newExpiryMustBeInTheFuture() {
        ApiKeyState key = issued();
        assertThatThrownBy(() -> ApiKey.decide(
                        update(
                                Set.of(ApiKeyField.EXPIRES_AT),
                                new ApiKeyAttributes("k", null, null, null, T0, null, null, null, null)),
                        key))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.ExpiryInThePast.class));
    }

    @Test
    void anotherTenantsKeyIsNotFoundForUpdate() {
        ApiKeyState key = issued();
        assertThatThrownBy(() -> ApiKey.decide(
                        new UpdateApiKey("key_1", "other", new ApiKeyPatch(Set.of(), ApiKeyAttributes.named(null)), T0),
                        key))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.NotFound.class));
    }

    @Test
    void badAttributesAreRejectedNamingTheField() {
        assertInvalid(withIps(List.of("10.0.0.0/8", "10.0.0.1/8")), "ipAllowList[1]");
        assertInvalid(withIps(java.util.Collections.nCopies(101, "10.0.0.0/8")), "ipAllowList");
        assertInvalid(
                new ApiKeyAttributes("k", "x".repeat(1001), null, null, null, null, null, null, null), "description");
        assertInvalid(new ApiKeyAttributes("k", null, "app_XYZ", null, null, null, null, null, null), "applicationId");
        assertInvalid(
                new ApiKeyAttributes("k", null, null, null, null, null, null, null, Map.of("big", "x".repeat(4090))),
                "metadata");
        assertInvalid(ApiKeyAttributes.named(" "), "name");
        assertInvalid(ApiKeyAttributes.named(null), "name");
    }

    @Test
    void limitsAreInclusive() {
        ApiKeyAttributes atLimits = new ApiKeyAttributes(
                "k",
                "x".repeat(1000),
                null,
                null,
                null,
                java.util.stream.IntStream.range(0, 100)
                        .mapToObj(i -> "10.0." + i + ".0/24")
                        .toList(),
                null,
                null,
                Map.of("m", "x".repeat(4096 - "{\"m\":\"\"}".length())));
        assertThat(ApiKeyAttributeRules.normalise(atLimits).ipAllowList()).hasSize(100);
    }

    @Test
    void duplicateNetworksCollapseAfterNormalisation() {
        assertThat(ApiKeyAttributeRules.normalise(withIps(List.of("192.0.2.1", "::ffff:192.0.2.1/128", "192.0.2.1/32")))
                        .ipAllowList())
                .containsExactly("192.0.2.1/32");
    }

    private static void assertInvalid(ApiKeyAttributes attributes, String field) {
        assertThatThrownBy(() -> ApiKey.decide(issue(attributes), null))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isInstanceOfSatisfying(
                                        ApiKeyRejection.InvalidAttribute.class,
                                        invalid -> assertThat(invalid.field()).isEqualTo(field)));
    }

    private static ApiKeyAttributes withIps(List<String> ips) {
        return new ApiKeyAttributes("k", null, null, null, null, ips, null, null, null);
    }

    private static ApiKeyState issued() {
        return ApiKey.replay(ApiKey.decide(issue(ApiKeyAttributes.named("k")), null));
    }

    private static IssueApiKey issue(ApiKeyAttributes attributes) {
        return new IssueApiKey("key_1", "acme", "kg_test_AbCd…wXyZ", "hash", attributes, T0);
    }

    private static UpdateApiKey update(Set<ApiKeyField> fields, ApiKeyAttributes values) {
        return new UpdateApiKey("key_1", "acme", new ApiKeyPatch(fields, values), T0.plusSeconds(1));
    }
}
