package io.keygate.analytics.usage.kafka;

import io.keygate.events.call.CallRecorded;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each tenant, application, key, route and client address id among the calls read: a window holds
 * tens of thousands of calls naming a few thousand ids, and the rollups, detectors and address rows hash and compare
 * them many times; a shared string hashes once and compares by identity, and the window holds each id once. Bounded:
 * past {@link #MAX_SHARED_IDS} distinct ids the table starts over (ids are then merely not shared). Not thread-safe.
 */
final class SharedIds {

    static final int MAX_SHARED_IDS = 100_000;

    private final Map<String, String> shared = new HashMap<>();

    /** The call with its ids replaced by the shared instances of equal ids. */
    CallRecorded share(CallRecorded call) {
        if (shared.size() >= MAX_SHARED_IDS) {
            shared.clear();
        }
        return new CallRecorded(
                call.requestId(),
                call.gatewayId(),
                share(call.tenantId()),
                share(call.routeId()),
                share(call.keyId()),
                share(call.applicationId()),
                call.method(),
                call.path(),
                call.status(),
                call.outcome(),
                call.durationMicros(),
                call.bytesIn(),
                call.bytesOut(),
                share(call.clientIp()),
                call.receivedAt());
    }

    private String share(String id) {
        if (id == null) {
            return null;
        }
        String known = shared.putIfAbsent(id, id);
        return known == null ? id : known;
    }
}
