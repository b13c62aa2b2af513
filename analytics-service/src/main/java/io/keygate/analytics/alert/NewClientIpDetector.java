package io.keygate.analytics.alert;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per key, learns the client addresses of its successful calls during a learning period from the key's first call
 * (gateway receive time); afterwards, a successful call from an address outside them raises a warning (once per
 * address, which is then learned). A key that used more than {@code maxAddresses} addresses while learning is not
 * watched: its callers are too many to call an address unusual. State is in memory: after a restart keys learn
 * again (a blind period, never a false alert). Not thread-safe: one consumer thread feeds it.
 */
public final class NewClientIpDetector {

    private final Duration learning;
    private final int maxAddresses;
    private final Map<TenantSubject, KeyAddresses> keys;

    public NewClientIpDetector(Duration learning, int maxAddresses, int maxTrackedKeys) {
        this.learning = learning;
        this.maxAddresses = maxAddresses;
        this.keys = new BoundedMap<>(maxTrackedKeys);
    }

    /** Counts a call; returns the alert it raises, if any. */
    public List<AlertRaised> observe(ConsumedCall call) {
        if (call.keyId() == null || call.tenantId() == null || call.clientIp() == null || call.status() >= 400) {
            return List.of();
        }
        KeyAddresses key = keys.computeIfAbsent(
                new TenantSubject(call.tenantId(), call.keyId()), k -> new KeyAddresses(call.receivedAt()));
        boolean learningNow = call.receivedAt().isBefore(key.firstSeen.plus(learning));
        if (key.addresses == null || key.addresses.contains(call.clientIp())) {
            return List.of();
        }
        key.addresses.add(call.clientIp());
        if (learningNow) {
            if (key.addresses.size() > maxAddresses) {
                key.addresses = null; // too many callers to watch
            }
            return List.of();
        }
        Instant start = key.firstSeen;
        return List.of(new AlertRaised(
                AlertIds.of(
                        AlertKind.KEY_USED_FROM_NEW_IP, call.tenantId(), call.keyId() + "@" + call.clientIp(), start),
                call.tenantId(),
                AlertKind.KEY_USED_FROM_NEW_IP,
                AlertSeverity.WARNING,
                AlertAction.NONE,
                call.keyId(),
                call.clientIp(),
                start,
                call.receivedAt(),
                1,
                0,
                1,
                "key used from " + call.clientIp() + ", outside the " + (key.addresses.size() - 1)
                        + " addresses it used since " + start));
    }

    /** One key's known addresses; null once the key has too many to watch. */
    private static final class KeyAddresses {
        final Instant firstSeen;
        Set<String> addresses = new HashSet<>();

        KeyAddresses(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }
}
