package io.keygate.analytics.clientip;

import io.keygate.analytics.DimensionHash;
import java.time.Instant;
import java.util.Comparator;

/**
 * One client address of one key (or of the calls without a key, {@code keyId = ""}) in one hour.
 *
 * @param tenantId the tenant
 * @param keyId    the key, or {@code ""}
 * @param hour     start of the hour, UTC, by the gateway's receive time
 * @param clientIp the client address
 */
public record ClientIpKey(String tenantId, String keyId, Instant hour, String clientIp)
        implements Comparable<ClientIpKey> {

    private static final Comparator<ClientIpKey> ORDER = Comparator.comparing(ClientIpKey::tenantId)
            .thenComparing(ClientIpKey::keyId)
            .thenComparing(ClientIpKey::hour)
            .thenComparing(ClientIpKey::clientIp);

    /** Spread over tenants, keys and addresses that differ in their last characters (see {@link DimensionHash}). */
    @Override
    public int hashCode() {
        int hash = DimensionHash.with(DimensionHash.EMPTY, tenantId);
        hash = DimensionHash.with(hash, keyId);
        hash = DimensionHash.with(hash, hour);
        return DimensionHash.finish(DimensionHash.with(hash, clientIp));
    }

    @Override
    public int compareTo(ClientIpKey other) {
        return ORDER.compare(this, other);
    }
}
