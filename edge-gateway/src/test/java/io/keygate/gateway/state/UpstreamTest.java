package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpstreamTest {

    @Test
    void parsesHostPortAndBasePath() {
        Upstream upstream = Upstream.parse("http://orders.internal:8081/v1/");

        assertThat(upstream).isEqualTo(new Upstream(false, "orders.internal", 8081, "/v1"));
        assertThat(upstream.requestUri("/orders/42", "page=2")).isEqualTo("/v1/orders/42?page=2");
    }

    @Test
    void defaultsThePortFromTheScheme() {
        assertThat(Upstream.parse("https://api.example.org").port()).isEqualTo(443);
        assertThat(Upstream.parse("http://api.example.org").port()).isEqualTo(80);
        assertThat(Upstream.parse("https://api.example.org").ssl()).isTrue();
    }

    @Test
    void requestUriWithoutQueryHasNoQuestionMark() {
        assertThat(Upstream.parse("http://h").requestUri("/a", null)).isEqualTo("/a");
        assertThat(Upstream.parse("http://h").requestUri("/a", "")).isEqualTo("/a");
    }

    @Test
    void refusesWhatIsNotAPlainHttpUrl() {
        assertThatThrownBy(() -> Upstream.parse("ftp://h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upstream.parse("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upstream.parse("http://h/x?y=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upstream.parse("http://user:pw@h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upstream.parse("http://bad host")).isInstanceOf(IllegalArgumentException.class);
    }
}
