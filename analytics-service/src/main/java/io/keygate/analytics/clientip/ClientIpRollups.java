package io.keygate.analytics.clientip;

import io.keygate.analytics.alert.AuthFailureBurstDetector;
import io.keygate.analytics.rollup.ConsumedCall;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Calls per tenant, key, client address and hour: the rules, pure. */
public final class ClientIpRollups {

    private ClientIpRollups() {}

    /** The rows of the calls with a tenant and a client address. */
    public static Map<ClientIpKey, ClientIpCounts> rollUp(Collection<ConsumedCall> calls) {
        Map<ClientIpKey, ClientIpCounts> rows = new HashMap<>();
        for (ConsumedCall call : calls) {
            if (call.tenantId() == null || call.clientIp() == null) {
                continue;
            }
            ClientIpKey key = new ClientIpKey(
                    call.tenantId(),
                    call.keyId() == null ? "" : call.keyId(),
                    call.receivedAt().truncatedTo(ChronoUnit.HOURS),
                    call.clientIp());
            ClientIpCounts counts = rows.computeIfAbsent(key, k -> new ClientIpCounts());
            counts.calls++;
            counts.errors += call.status() >= 400 ? 1 : 0;
            counts.authFailures += AuthFailureBurstDetector.isAuthFailure(call) ? 1 : 0;
            counts.firstSeen = counts.firstSeen == null || call.receivedAt().isBefore(counts.firstSeen)
                    ? call.receivedAt()
                    : counts.firstSeen;
            counts.lastSeen = counts.lastSeen == null || call.receivedAt().isAfter(counts.lastSeen)
                    ? call.receivedAt()
                    : counts.lastSeen;
        }
        return rows;
    }
}
