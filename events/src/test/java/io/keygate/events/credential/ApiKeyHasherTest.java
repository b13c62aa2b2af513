package io.keygate.events.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHasherTest {

    private static final String PEPPER = "a-pepper-of-at-least-thirty-two-bytes!!";

    @Test
    void sameKeyAndPepperGiveTheSameHash() {
        assertThat(new ApiKeyHasher(PEPPER).hash("kg_live_abc"))
                .isEqualTo(new ApiKeyHasher(PEPPER).hash("kg_live_abc"));
    }

    @Test
    void hashDependsOnThePepper() {
        assertThat(new ApiKeyHasher(PEPPER).hash("kg_live_abc"))
                .isNotEqualTo(new ApiKeyHasher(PEPPER + "x").hash("kg_live_abc"));
    }

    @Test
    void hashIsBase64UrlOfThirtyTwoBytes() {
        assertThat(new ApiKeyHasher(PEPPER).hash("kg_live_abc")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void shortPepperIsRefused() {
        assertThatThrownBy(() -> new ApiKeyHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pepperIsNotInToString() {
        assertThat(new ApiKeyHasher(PEPPER).toString()).doesNotContain(PEPPER);
    }
}
