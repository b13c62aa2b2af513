package io.keygate.events.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedKeyHasThePrefixAndIsWellFormed() {
        String key = ApiKeyFormat.generate("live", random);
        assertThat(key).startsWith("kg_live_").hasSize("kg_live_".length() + 39);
        assertThat(ApiKeyFormat.isWellFormed(key)).isTrue();
    }

    @Test
    void everySingleCharacterTypoIsDetectedOffline() {
        String key = ApiKeyFormat.generate("test", random);
        for (int i = "kg_test_".length(); i < key.length(); i++) {
            char replacement = key.charAt(i) == 'a' ? 'b' : 'a';
            String typo = key.substring(0, i) + replacement + key.substring(i + 1);
            assertThat(ApiKeyFormat.isWellFormed(typo)).as("typo at %d", i).isFalse();
        }
    }

    @Test
    void swappedNeighboursAreDetected() {
        String key = ApiKeyFormat.generate("live", random);
        int i = 12;
        String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
        if (!swapped.equals(key)) {
            assertThat(ApiKeyFormat.isWellFormed(swapped)).isFalse();
        }
    }

    @Test
    void lookAlikesAreNotWellFormed() {
        assertThat(ApiKeyFormat.isWellFormed(null)).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("kg_live_short")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("sk_live_" + "a".repeat(39))).isFalse();
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(ApiKeyFormat.generate("live", random));
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void maskShowsThePrefixAndTheLastFourCharactersOnly() {
        String key = ApiKeyFormat.generate("live", random);
        assertThat(ApiKeyFormat.mask(key))
                .isEqualTo("kg_live_…" + key.substring(key.length() - 4))
                .doesNotContain(key.substring(8, 12));
    }

    @Test
    void theScannerRegexFindsAKeyInTextAndTheChecksumConfirmsIt() {
        String key = ApiKeyFormat.generate("live", new SecureRandom());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(ApiKeyFormat.SCANNER_REGEX)
                .matcher("export API_KEY=\"" + key + "\" # do not commit");

        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo(key);
        assertThat(ApiKeyFormat.isWellFormed(matcher.group())).isTrue();
    }
}
