package io.keygate.analytics.keylimit;

import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import java.time.Instant;

/**
 * The limits an API key is held to, as the token-service last published them.
 *
 * @param tenantId  the key's tenant
 * @param keyId     the key
 * @param createdAt when the key was issued (a quota without refill counts from here)
 * @param rateLimit requests per period, or null for none
 * @param quota     uses, with or without refill, or null for none
 */
public record KeyLimit(String tenantId, String keyId, Instant createdAt, RateLimit rateLimit, Quota quota) {}
