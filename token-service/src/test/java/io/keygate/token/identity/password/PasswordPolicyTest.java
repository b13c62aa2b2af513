package io.keygate.token.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledDenyList();

    @Test
    void twelveCharactersAreTheMinimumCountedInCodePoints() {
        assertThat(policy.refusal("short-pw-11", "dana@example.com")).hasValue("must be at least 12 characters");
        assertThat(policy.refusal("rare-words-12", "dana@example.com")).isEmpty();
        // Eleven emoji are 22 chars but 11 characters.
        assertThat(policy.refusal("😀".repeat(11), null)).hasValue("must be at least 12 characters");
        assertThat(policy.refusal("x".repeat(129), null)).hasValue("must be at most 128 characters");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.deniedCount()).isGreaterThan(200);
        assertThat(policy.refusal("qwerty123456", null)).hasValue("is a commonly used password");
        assertThat(policy.refusal("QWERTY123456", null)).hasValue("is a commonly used password");
        assertThat(policy.refusal("Password1234", null)).hasValue("is a commonly used password");
    }

    @Test
    void passwordsContainingTheAddressNameAreRefused() {
        assertThat(policy.refusal("my-DanaSmith-2026", "danasmith@example.com"))
                .hasValue("must not contain the e-mail address's name");
        assertThat(policy.refusal("jo-likes-long-passwords", "jo@example.com")).isEmpty();
    }

    @Test
    void theMessageNeverRepeatsThePassword() {
        assertThat(policy.refusal("qwerty123456", null)).get().asString().doesNotContain("qwerty");
    }
}
