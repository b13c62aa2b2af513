package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The segment matcher against the regular expression it replaced (now matched ignoring case, one trailing slash not
 * significant), on generated patterns and paths.
 */
class PathPatternTest {

    private static final String[] PATTERN_SEGMENTS = {"*", "**", "a", "b", "a.b", "", "v1"};
    private static final String[] PATH_SEGMENTS = {"a", "b", "a.b", "", "v1", "axb", "ab", "A", "V1"};

    @Test
    void matchesWhatTheRegularExpressionMatched() {
        SplittableRandom random = new SplittableRandom(20261129);
        int matched = 0;
        for (int p = 0; p < 3_000; p++) {
            String pattern = join(PATTERN_SEGMENTS, random, 0, 4);
            Pattern oracle = regex(pattern);
            PathPattern compiled = PathPattern.compile(pattern);
            for (int q = 0; q < 30; q++) {
                String path = join(PATH_SEGMENTS, random, 0, 5);
                boolean expected = oracle.matcher(path).matches()
                        || (path.length() > 1
                                && path.endsWith("/")
                                && oracle.matcher(path.substring(0, path.length() - 1))
                                        .matches());
                assertThat(compiled.matches(path))
                        .as("pattern %s, path %s", pattern, path)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("the generator produces matches too").isGreaterThan(1_000);
    }

    @Test
    void examples() {
        assertThat(PathPattern.compile("/orders/**").matches("/orders")).isTrue();
        assertThat(PathPattern.compile("/orders/**").matches("/orders/1/items")).isTrue();
        assertThat(PathPattern.compile("/orders/**").matches("/orders-archive")).isFalse();
        assertThat(PathPattern.compile("/orders/*").matches("/orders/")).isFalse();
        assertThat(PathPattern.compile("/**/items").matches("/a/b/items")).isTrue();
        assertThat(PathPattern.compile("/**/items").matches("/items")).isTrue();
        assertThat(PathPattern.compile("").matches("/")).isTrue();
        assertThat(PathPattern.compile("/").matches("/")).isTrue();
        assertThat(PathPattern.compile("/").matches("")).isFalse();
    }

    @Test
    void aPatternCoversThePathsServersReadAsTheSame() {
        PathPattern refunds = PathPattern.compile("/orders/*/refunds");

        assertThat(refunds.matches("/orders/42/refunds/")).as("trailing slash").isTrue();
        assertThat(refunds.matches("/Orders/42/REFUNDS")).as("case").isTrue();
        assertThat(refunds.matches("/orders/42/refunds//")).isFalse();
        assertThat(refunds.matches("/orders/42/refundsx")).isFalse();
        assertThat(PathPattern.compile("/admin").matches("/ADMIN/")).isTrue();
        assertThat(PathPattern.compile("/admin/").matches("/admin"))
                .as("a pattern's trailing slash")
                .isTrue();
        assertThat(PathPattern.compile("/%7Euser/*").matches("/~user/x"))
                .as("patterns are normalised too")
                .isTrue();
    }

    private static String join(String[] segments, SplittableRandom random, int min, int max) {
        StringBuilder path = new StringBuilder();
        int count = random.nextInt(min, max + 1);
        for (int i = 0; i < count; i++) {
            path.append('/').append(segments[random.nextInt(segments.length)]);
        }
        return path.toString();
    }

    /** The regular expression scope patterns were compiled to before. */
    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        // Patterns are compiled without a trailing slash now.
        String compiled =
                pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String[] segments = compiled.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("**")) {
                regex.append("(?:/[^/]*)*");
            } else if (segment.equals("*")) {
                regex.append("/[^/]+");
            } else {
                regex.append('/').append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.length() == 0 ? "/" : regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
