package io.keygate.gateway.state;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which applications may call which APIs: every subscription as its events last described it, found by
 * application × API. An application may have had several subscriptions to one API over time (a cancelled one,
 * then a new one), and their events come from different partitions in any order; the pair is approved while any
 * of its subscriptions is, so the order never matters.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class SubscriptionIndex {

    private final Map<String, AppliedSubscription> byId = new ConcurrentHashMap<>();
    private final Map<Pair, Map<String, SubscriptionState>> byApplicationAndApi = new ConcurrentHashMap<>();

    private record AppliedSubscription(SubscriptionState state, long sequence) {}

    /**
     * Records a subscription's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied (a replay or a duplicate)
     */
    public boolean apply(SubscriptionState subscription, long sequence) {
        AppliedSubscription previous = byId.get(subscription.subscriptionId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        byId.put(subscription.subscriptionId(), new AppliedSubscription(subscription, sequence));
        byApplicationAndApi
                .computeIfAbsent(
                        new Pair(subscription.tenantId(), subscription.applicationId(), subscription.apiId()),
                        p -> new ConcurrentHashMap<>())
                .put(subscription.subscriptionId(), subscription);
        return true;
    }

    /**
     * The best status a tenant's application has on the API: {@code APPROVED} if any subscription is approved,
     * else a suspended, then a pending one; null if it never subscribed or every subscription ended. The tenant
     * is part of the lookup: a subscription made by another tenant naming this application grants nothing.
     */
    public SubscriptionStatus statusOf(String tenantId, String applicationId, String apiId) {
        SubscriptionState best = bestOf(tenantId, applicationId, apiId);
        return best == null ? null : best.status();
    }

    /**
     * The tenant's application's approved subscription to the API (whose plan sets the calls' limits), or null if
     * it has none.
     */
    public SubscriptionState approved(String tenantId, String applicationId, String apiId) {
        SubscriptionState best = bestOf(tenantId, applicationId, apiId);
        return best != null && best.status() == SubscriptionStatus.APPROVED ? best : null;
    }

    private SubscriptionState bestOf(String tenantId, String applicationId, String apiId) {
        Map<String, SubscriptionState> subscriptions =
                byApplicationAndApi.get(new Pair(tenantId, applicationId, apiId));
        if (subscriptions == null) {
            return null;
        }
        SubscriptionState best = null;
        for (SubscriptionState subscription : subscriptions.values()) {
            SubscriptionStatus status = subscription.status();
            if (status == SubscriptionStatus.APPROVED) {
                return subscription;
            }
            if (status == SubscriptionStatus.SUSPENDED
                    || (status == SubscriptionStatus.PENDING
                            && (best == null || best.status() != SubscriptionStatus.SUSPENDED))) {
                best = subscription;
            }
        }
        return best;
    }

    /** Number of subscriptions known, in any status. */
    public int size() {
        return byId.size();
    }

    /**
     * A tenant's application × API. A record, not the three ids joined: a lookup per request then hashes three strings
     * whose hashes they already hold instead of building and hashing a new one.
     */
    private record Pair(String tenantId, String applicationId, String apiId) {}
}
