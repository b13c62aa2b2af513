package io.keygate.gateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteMatchCheckTest {

    @Test
    void theHostHeaderIsReadWithoutPortCaseOrTrailingDot() {
        assertThat(RouteMatchCheck.hostOf("API.Acme.test:8443")).isEqualTo("api.acme.test");
        assertThat(RouteMatchCheck.hostOf("api.acme.test.")).isEqualTo("api.acme.test");
        assertThat(RouteMatchCheck.hostOf("[2001:db8::1]:8080")).isEqualTo("[2001:db8::1]");
        assertThat(RouteMatchCheck.hostOf(" ")).isNull();
        assertThat(RouteMatchCheck.hostOf(null)).isNull();
    }
}
