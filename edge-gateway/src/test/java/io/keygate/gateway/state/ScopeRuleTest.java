package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.ScopeRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRuleTest {

    private static ScopeRule rule(String pattern, String... methods) {
        return ScopeRule.of(new ScopeRequirement(List.of(methods), pattern, List.of("s")));
    }

    @Test
    void aSingleStarIsExactlyOneSegment() {
        ScopeRule rule = rule("/orders/*");

        assertThat(rule.covers("GET", "/orders/42")).isTrue();
        assertThat(rule.covers("GET", "/orders")).isFalse();
        assertThat(rule.covers("GET", "/orders/42/items")).isFalse();
    }

    @Test
    void aDoubleStarIsAnyNumberOfSegmentsNoneIncluded() {
        ScopeRule rule = rule("/orders/**");

        assertThat(rule.covers("GET", "/orders")).isTrue();
        assertThat(rule.covers("GET", "/orders/42/items")).isTrue();
        assertThat(rule.covers("GET", "/orders-archive")).isFalse();
    }

    @Test
    void otherCharactersAreLiteralAndMethodsLimitTheRule() {
        ScopeRule rule = rule("/v1.0/orders", "POST");

        assertThat(rule.covers("POST", "/v1.0/orders")).isTrue();
        assertThat(rule.covers("POST", "/v1x0/orders"))
                .as("a dot is no wildcard")
                .isFalse();
        assertThat(rule.covers("GET", "/v1.0/orders")).isFalse();
    }

    @Test
    void aCredentialMustHoldEveryRequiredScope() {
        ScopeRule rule = ScopeRule.of(new ScopeRequirement(List.of(), "/**", List.of("a", "b")));

        assertThat(rule.isSatisfiedBy(List.of("b", "a", "c"))).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("a"))).isFalse();
        assertThat(rule.isSatisfiedBy(null)).isFalse();
    }

    @Test
    void aRuleOnGetCoversHeadWhichServersAnswerWithTheirGetHandler() {
        ScopeRule rule = rule("/reports/*", "GET");

        assertThat(rule.covers("HEAD", "/reports/1")).isTrue();
        assertThat(rule("/reports/*", "POST").covers("HEAD", "/reports/1")).isFalse();
    }
}
