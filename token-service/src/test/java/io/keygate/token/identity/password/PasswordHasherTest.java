package io.keygate.token.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndAnyOtherDoesNot() {
        String phc = hasher.hash("correct horse battery");

        assertThat(hasher.verify(phc, "correct horse battery")).isTrue();
        assertThat(hasher.verify(phc, "correct horse batterY")).isFalse();
        assertThat(hasher.verify(phc, "")).isFalse();
    }

    @Test
    void hashesAreArgon2idPhcStringsWithTheOwaspParametersAndAFreshSalt() {
        String first = hasher.hash("same password here");
        String second = hasher.hash("same password here");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
        assertThat(first).isNotEqualTo(second);
        PasswordHash parsed = PasswordHash.parse(first);
        assertThat(parsed.memoryKiB()).isEqualTo(19 * 1024);
        assertThat(parsed.iterations()).isEqualTo(2);
        assertThat(parsed.parallelism()).isEqualTo(1);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.hash()).hasSize(32);
        assertThat(parsed.format()).isEqualTo(first);
    }

    @Test
    void verificationUsesTheParametersStoredWithTheHash() {
        String weaker = new PasswordHasher(8 * 1024, 1).hash("an older hash of it");

        assertThat(weaker).contains("$m=8192,t=1,p=1$");
        assertThat(hasher.verify(weaker, "an older hash of it")).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(hasher.verify("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "x"))
                .isFalse();
        assertThat(hasher.verify("not a hash", "x")).isFalse();
        assertThat(hasher.verify(null, "x")).isFalse();
        assertThatThrownBy(() -> PasswordHash.parse("$argon2id$v=19$m=1,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
