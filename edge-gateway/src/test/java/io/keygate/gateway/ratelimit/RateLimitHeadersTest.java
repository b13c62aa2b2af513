package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    private static final long T0 = RateLimiting.micros(Instant.parse("2026-11-29T23:00:00Z"));

    @Test
    void everyLimitIsOneItemOfBothFieldsAndARefusalSaysWhenToRetry() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        Limit rate = Limit.rate("key", "k:h", 2, RateLimitPeriod.MINUTE, 2);
        Limit quota = Limit.quota("plan-quota", "pq:h", 1000, QuotaRefill.DAY, T0);
        limiter.decide(List.of(rate, quota), T0);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        RateLimitHeaders.apply(limiter.decide(List.of(rate, quota), T0), headers);
        assertThat(headers.get("RateLimit-Policy")).isEqualTo("\"key\";q=2;w=60, \"plan-quota\";q=1000;w=86400");
        assertThat(headers.get("RateLimit")).isEqualTo("\"key\";r=0;t=60, \"plan-quota\";r=998;t=3600");
        assertThat(headers.get("Retry-After")).isNull();

        RateLimitHeaders.apply(limiter.decide(List.of(rate, quota), T0), headers);
        assertThat(headers.get("Retry-After")).isEqualTo("30");
    }

    @Test
    void aCallWithoutLimitsGetsNoFields() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        RateLimitHeaders.apply(LimitDecision.UNLIMITED, headers);
        assertThat(headers.isEmpty()).isTrue();
    }
}
