package io.keygate.analytics.keylimit.store;

import io.keygate.analytics.keylimit.KeyLimit;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Optional;

/** The rate limit and quota of every API key, from the token-service's key events ({@code key_limit}). */
@ApplicationScoped
public class KeyLimitStore {

    private final Pool pool;

    KeyLimitStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records a key's limits as of its event {@code version}; an event older than the stored one changes nothing (a
     * replay or a late duplicate).
     */
    public Uni<Void> record(ApiKeyState key, long version) {
        RateLimit rate = key.rateLimit();
        Quota quota = key.quota();
        return pool.preparedQuery("""
                        INSERT INTO key_limit (tenant_id, key_id, created_at, rate_limit_requests, rate_limit_per,
                            quota_limit, quota_refill, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        ON CONFLICT (tenant_id, key_id) DO UPDATE SET created_at = $3, rate_limit_requests = $4,
                            rate_limit_per = $5, quota_limit = $6, quota_refill = $7, version = $8
                        WHERE key_limit.version < $8""")
                .execute(Tuple.tuple()
                        .addString(key.tenantId())
                        .addString(key.keyId())
                        .addOffsetDateTime(key.createdAt().atOffset(ZoneOffset.UTC))
                        .addLong(rate == null ? null : rate.requests())
                        .addString(rate == null ? null : rate.per().name())
                        .addLong(quota == null ? null : quota.limit())
                        .addString(
                                quota == null || quota.refill() == null
                                        ? null
                                        : quota.refill().name())
                        .addLong(version))
                .replaceWithVoid();
    }

    /** The limits of a key, or empty if no event of it was read. */
    public Uni<Optional<KeyLimit>> find(String tenantId, String keyId) {
        return pool.preparedQuery("""
                        SELECT created_at, rate_limit_requests, rate_limit_per, quota_limit, quota_refill
                        FROM key_limit WHERE tenant_id = $1 AND key_id = $2""")
                .execute(Tuple.of(tenantId, keyId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toLimit(tenantId, keyId, rows.iterator().next())));
    }

    private static KeyLimit toLimit(String tenantId, String keyId, Row row) {
        Long requests = row.getLong("rate_limit_requests");
        Long uses = row.getLong("quota_limit");
        String refill = row.getString("quota_refill");
        return new KeyLimit(
                tenantId,
                keyId,
                row.getOffsetDateTime("created_at").toInstant(),
                requests == null
                        ? null
                        : new RateLimit(requests, RateLimitPeriod.valueOf(row.getString("rate_limit_per"))),
                uses == null ? null : new Quota(uses, refill == null ? null : QuotaRefill.valueOf(refill)));
    }
}
