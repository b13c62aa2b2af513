package io.keygate.gateway.proxy;

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
}
