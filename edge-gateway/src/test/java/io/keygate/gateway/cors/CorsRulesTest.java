package io.keygate.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.CorsPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsRulesTest {

    private static final String APP = "https://app.example.com";

    private final CorsRules named = CorsRules.of(
            new CorsPolicy(List.of(APP), List.of("GET", "PUT"), List.of("X-API-Key", "Content-Type"), true, 600),
            List.of());

    @Test
    void onlyListedOriginsAreAllowed() {
        assertThat(named.allowsOrigin(APP)).isTrue();
        assertThat(named.allowsOrigin("https://evil.example.com")).isFalse();
        assertThat(named.allowsOrigin("https://app.example.com.evil.test")).isFalse();
        assertThat(named.allowsOrigin(null)).isFalse();
    }

    @Test
    void aPreflightMustAskForAnAllowedMethodAndHeaders() {
        assertThat(named.allowsPreflight(APP, "PUT", "x-api-key, content-type")).isTrue();
        assertThat(named.allowsPreflight(APP, "DELETE", null)).isFalse();
        assertThat(named.allowsPreflight(APP, "PUT", "x-api-key, x-other")).isFalse();
        assertThat(named.allowsPreflight("https://evil.example.com", "PUT", null))
                .isFalse();
    }

    @Test
    void safelistedMethodsNeedNoListing() {
        assertThat(named.allowsPreflight(APP, "POST", "x-api-key")).isTrue();
    }

    @Test
    void withCredentialsTheOriginIsNamedNeverStar() {
        assertThat(named.allowOrigin(APP)).isEqualTo(APP);
        assertThat(named.variesByOrigin()).isTrue();
        assertThat(named.allowsCredentials()).isTrue();
        assertThat(named.allowMethods("PUT")).isEqualTo("GET, PUT");
        assertThat(named.allowHeaders("x-api-key")).isEqualTo("X-API-Key, Content-Type");
        assertThat(named.maxAge()).isEqualTo("600");
    }

    @Test
    void aWildcardPolicyAnswersStarAndAnyHeader() {
        CorsRules open = CorsRules.of(new CorsPolicy(List.of("*"), List.of(), List.of("*"), false, 60), List.of("GET"));

        assertThat(open.allowsOrigin("https://anyone.test")).isTrue();
        assertThat(open.allowOrigin("https://anyone.test")).isEqualTo("*");
        assertThat(open.variesByOrigin()).isFalse();
        assertThat(open.allowsPreflight("https://anyone.test", "GET", "x-anything"))
                .isTrue();
        assertThat(open.allowsPreflight("https://anyone.test", "DELETE", null)).isFalse();
        assertThat(open.allowHeaders("x-anything")).isEqualTo("x-anything");
    }
}
