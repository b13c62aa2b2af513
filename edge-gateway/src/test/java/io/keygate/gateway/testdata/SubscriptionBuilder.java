package io.keygate.gateway.testdata;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.token.ApiKeyState;
import java.time.Instant;
import java.util.UUID;

/** Test subscriptions: by default an approved one of a key's application to an API, in the key's tenant. */
public final class SubscriptionBuilder {

    private String subscriptionId = "sub_" + UUID.randomUUID().toString().replace("-", "");
    private String tenantId;
    private String applicationId;
    private String apiId;
    private String apiTenantId;
    private SubscriptionStatus status = SubscriptionStatus.APPROVED;
    private String planId = "plan_0123456789abcdef0123456789abcdef";

    private SubscriptionBuilder() {}

    /** A subscription of the key's application (and tenant) to an API owned by {@code apiTenantId}. */
    public static SubscriptionBuilder aSubscription(ApiKeyState key, String apiId, String apiTenantId) {
        SubscriptionBuilder builder = new SubscriptionBuilder();
        builder.tenantId = key.tenantId();
        builder.applicationId = key.applicationId();
        builder.apiId = apiId;
        builder.apiTenantId = apiTenantId;
        return builder;
    }

    public SubscriptionBuilder withId(String id) {
        this.subscriptionId = id;
        return this;
    }

    /** The plan the subscription is on (by default one no event describes: no limits). */
    public SubscriptionBuilder onPlan(String id) {
        this.planId = id;
        return this;
    }

    public SubscriptionBuilder inStatus(SubscriptionStatus next) {
        this.status = next;
        return this;
    }

    public SubscriptionState build() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new SubscriptionState(
                subscriptionId,
                tenantId,
                applicationId,
                apiId,
                apiTenantId,
                planId,
                status,
                null,
                at,
                at,
                status == SubscriptionStatus.PENDING ? null : at);
    }
}
