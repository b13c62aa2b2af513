package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenIndexTest {

    private final TokenIndex index = new TokenIndex();

    @Test
    void findsAnAppliedKeyByItsHash() {
        ApiKeyState key = anApiKey().withHash("h1").build();

        assertThat(index.apply(key, 1)).isTrue();

        GatewayKey found = index.find("h1");
        assertThat(found.keyId()).isEqualTo(key.keyId());
        assertThat(found.caller().tenantId()).isEqualTo(key.tenantId());
        assertThat(found.caller().applicationId()).isEqualTo(key.applicationId());
        assertThat(found.caller().scopes()).isEqualTo(key.scopes());
        assertThat(index.find("h2")).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void revocationReplacesTheKeysState() {
        ApiKeyState issued = anApiKey().build();
        index.apply(issued, 1);

        index.apply(ApiKeyBuilder.from(issued).revoked("leaked").build(), 2);

        assertThat(index.find(issued.keyHash()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void olderSequenceIsIgnored() {
        ApiKeyState issued = anApiKey().build();
        ApiKeyState revoked = ApiKeyBuilder.from(issued).revoked("leaked").build();
        index.apply(revoked, 2);

        boolean applied = index.apply(issued, 1);

        assertThat(applied).isFalse();
        assertThat(index.find(issued.keyHash()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void replayOfTheSameSequenceIsIgnored() {
        ApiKeyState revoked = anApiKey().revoked("leaked").build();
        index.apply(revoked, 2);

        assertThat(index.apply(ApiKeyBuilder.from(revoked).build(), 2)).isFalse();
        assertThat(index.find(revoked.keyHash()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void keyWhoseHashChangedIsNoLongerFoundUnderTheOldOne() {
        ApiKeyState key = anApiKey().withHash("old").build();
        index.apply(key, 1);

        index.apply(ApiKeyBuilder.from(key).withHash("new").build(), 2);

        assertThat(index.find("old")).isNull();
        assertThat(index.find("new").keyId()).isEqualTo(key.keyId());
    }

    @Test
    void rotatedKeyIsFoundUnderBothSecretsUntilTheRotationCompletes() {
        ApiKeyState issued = anApiKey().withHash("old").build();
        index.apply(issued, 1);
        ApiKeyState rotated = ApiKeyBuilder.from(issued)
                .rotatedTo("new", Instant.parse("2026-06-01T00:00:00Z"))
                .build();

        index.apply(rotated, 2);

        assertThat(index.find("old")).isSameAs(index.find("new"));
        assertThat(index.find("new").previousKeyHash()).isEqualTo("old");

        index.apply(ApiKeyBuilder.from(rotated).rotationCompleted().build(), 3);

        assertThat(index.find("old")).isNull();
        assertThat(index.find("new").previousKeyHash()).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void secondRotationDropsTheFirstSecretAtOnce() {
        Instant later = Instant.parse("2026-06-01T00:00:00Z");
        ApiKeyState first = anApiKey().withHash("h1").rotatedTo("h2", later).build();
        index.apply(first, 2);

        index.apply(ApiKeyBuilder.from(first).rotatedTo("h3", later).build(), 3);

        assertThat(index.find("h1")).isNull();
        assertThat(index.find("h2").keyHash()).isEqualTo("h3");
        assertThat(index.find("h3").previousKeyHash()).isEqualTo("h2");
    }

    @Test
    void valuesManyKeysShareAreKeptOnceAndAnAllowListIsParsedOnce() {
        GatewayKey first =
                applied(anApiKey().ofTenant("acme").withScopes("orders:read").allowingOnly("10.0.0.0/8"));
        GatewayKey second =
                applied(anApiKey().ofTenant("acme").withScopes("orders:read").allowingOnly("10.0.0.0/8"));

        assertThat(second.tenantId()).isSameAs(first.tenantId());
        assertThat(second.caller().scopes()).isSameAs(first.caller().scopes());
        assertThat(second.caller().allowedNetworks()).isSameAs(first.caller().allowedNetworks());
        assertThat(first.caller().allowedNetworks()).hasSize(1);
        assertThat(applied(anApiKey()).caller().allowedNetworks())
                .as("unrestricted")
                .isNull();
    }

    @Test
    void anAllowListOfOnlyUnreadableEntriesAllowsNothing() {
        assertThat(applied(anApiKey().allowingOnly("not-a-network")).caller().allowedNetworks())
                .isEmpty();
    }

    private GatewayKey applied(ApiKeyBuilder builder) {
        ApiKeyState key = builder.withHash("h-" + java.util.UUID.randomUUID()).build();
        index.apply(key, 1);
        return index.find(key.keyHash());
    }
}
