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

        assertThat(index.find("h1")).isEqualTo(key);
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

        assertThat(index.find("old")).isEqualTo(rotated);
        assertThat(index.find("new")).isEqualTo(rotated);

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
}
