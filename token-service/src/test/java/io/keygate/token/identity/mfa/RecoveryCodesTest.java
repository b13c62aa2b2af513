package io.keygate.token.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfSixtyBitsEach() {
        List<String> codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        // 12 characters of a 32-letter alphabet: 60 bits.
        assertThat(codes).allMatch(code -> code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
    }

    @Test
    void typedCodesAreNormalisedBeforeHashing() {
        assertThat(RecoveryCodes.normalise("abcd-efgh-ijkl")).isEqualTo("ABCDEFGHIJKL");
        assertThat(RecoveryCodes.normalise(" ABCD EFGH IJKL ")).isEqualTo("ABCDEFGHIJKL");
        assertThat(RecoveryCodes.normalise("ABCD-EFGH")).isNull();
        assertThat(RecoveryCodes.normalise("ABCD-EFGH-IJK1")).isNull();
        assertThat(RecoveryCodes.normalise(null)).isNull();
    }
}
