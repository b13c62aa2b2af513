package io.keygate.gateway.support;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscription;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant with one route to an upstream, an approved subscription and one valid key, published to whatever
 * broker the publisher points at (tests with a broker of their own cannot use {@link StateEvents}).
 *
 * @param prefix the route's path prefix
 * @param secret the valid key
 * @param key    the key's state
 */
public record ServedTenant(String prefix, String secret, ApiKeyState key) {

    /** Publishes the route, the key and its subscription, and waits for the broker's acknowledgements. */
    public static ServedTenant publish(TestEventPublisher publisher, ApiKeyHasher hasher, String upstreamUrl) {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/orders";
        RouteState route = aRoute().ofTenant(tenant)
                .onPrefix(prefix)
                .toUpstream(upstreamUrl)
                .build();
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState key =
                anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)).build();
        send(publisher, 1, new RouteDefined(route));
        send(publisher, 1, new ApiKeyIssued(key));
        send(
                publisher,
                2,
                new SubscriptionApproved(
                        aSubscription(key, route.apiId(), tenant).build()));
        return new ServedTenant(prefix, secret, key);
    }

    /** Publishes the key's revocation. */
    public void revoke(TestEventPublisher publisher) {
        send(
                publisher,
                2,
                new ApiKeyRevoked(ApiKeyBuilder.from(key).revoked("leaked").build(), "leaked"));
    }

    private static void send(TestEventPublisher publisher, long sequence, KeygateEvent event) {
        publisher.send(EventEnvelope.create("/test", sequence, Instant.now(), "test", null, event));
    }
}
