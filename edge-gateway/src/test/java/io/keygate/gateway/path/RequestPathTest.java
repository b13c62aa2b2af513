package io.keygate.gateway.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void plainPathsAreKeptAsTheyAre() {
        assertThat(RequestPath.normalise("/orders/42")).isEqualTo("/orders/42");
        assertThat(RequestPath.normalise("/orders/a%20b")).isEqualTo("/orders/a%20b");
        assertThat(RequestPath.normalise("/v1.2/file.json")).isEqualTo("/v1.2/file.json");
        assertThat(RequestPath.normalise("")).isEqualTo("/");
    }

    @Test
    void dotSegmentsCannotClimbOutOfAPrefix() {
        assertThat(RequestPath.normalise("/orders/../admin")).isEqualTo("/admin");
        assertThat(RequestPath.normalise("/orders/./42")).isEqualTo("/orders/42");
        assertThat(RequestPath.normalise("/../../etc")).isEqualTo("/etc");
        assertThat(RequestPath.normalise("/orders/..")).isEqualTo("/");
        assertThat(RequestPath.normalise("/orders/42/.")).isEqualTo("/orders/42/");
    }

    @Test
    void encodedDotsAreDecodedBeforeDotSegmentsAreRemoved() {
        assertThat(RequestPath.normalise("/orders/%2e%2e/admin")).isEqualTo("/admin");
        assertThat(RequestPath.normalise("/orders/%2E./admin")).isEqualTo("/admin");
    }

    @Test
    void encodedUnreservedCharactersAreDecodedAndOtherEncodingsUpperCased() {
        assertThat(RequestPath.normalise("/orders/%34%32/%72efunds")).isEqualTo("/orders/42/refunds");
        assertThat(RequestPath.normalise("/%7Euser/a%2db%5Fc")).isEqualTo("/~user/a-b_c");
        assertThat(RequestPath.normalise("/caf%c3%a9/a%20b")).isEqualTo("/caf%C3%A9/a%20b");
        assertThat(RequestPath.normalise("/a%zz")).isEqualTo("/a%zz");
        assertThat(RequestPath.normalise("/a%4")).isEqualTo("/a%4");
    }

    @Test
    void dotsInsideSegmentsAreNotDotSegments() {
        assertThat(RequestPath.normalise("/v1.2/file.json")).isEqualTo("/v1.2/file.json");
        assertThat(RequestPath.normalise("/a..b/...")).isEqualTo("/a..b/...");
        assertThat(RequestPath.normalise("/a/%2E%2E")).isEqualTo("/");
    }
}
