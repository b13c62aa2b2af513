package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.testdata.ApiKeyBuilder;
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
}
