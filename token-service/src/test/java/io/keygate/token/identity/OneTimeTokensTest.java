package io.keygate.token.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneTimeTokensTest {

    private final OneTimeTokens tokens = new OneTimeTokens("test-only-pepper-not-for-production-0123456789");

    @Test
    void invitationTokensAreRandomAndStoredOnlyAsTheirKeyedHash() {
        String token = OneTimeTokens.newToken(OneTimeTokens.INVITATION);
        String other = OneTimeTokens.newToken(OneTimeTokens.INVITATION);

        assertThat(token).startsWith("kginv_").hasSize("kginv_".length() + 43).isNotEqualTo(other);
        assertThat(tokens.hash(token)).isEqualTo(tokens.hash(token)).doesNotContain(token.substring(6));
        assertThat(tokens.hash(token)).isNotEqualTo(tokens.hash(other));
        assertThat(new OneTimeTokens("another-pepper-not-for-production-0123456789").hash(token))
                .isNotEqualTo(tokens.hash(token));
    }

    @Test
    void onlyTokensOfTheRightShapeAreLookedUp() {
        assertThat(OneTimeTokens.looksLike(OneTimeTokens.newToken("kgrt_"), OneTimeTokens.REFRESH))
                .isTrue();
        assertThat(OneTimeTokens.looksLike(OneTimeTokens.newToken("kgrt_"), OneTimeTokens.INVITATION))
                .isFalse();
        assertThat(OneTimeTokens.looksLike("kgrt_short", OneTimeTokens.REFRESH)).isFalse();
        assertThat(OneTimeTokens.looksLike(null, OneTimeTokens.REFRESH)).isFalse();
    }
}
