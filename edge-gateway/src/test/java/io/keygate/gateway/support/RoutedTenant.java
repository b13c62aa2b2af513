package io.keygate.gateway.support;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscription;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.testdata.RouteBuilder;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A fresh tenant with one route and one usable API key subscribed to the route's API, published as the token and
 * policy services would.
 *
 * @param id     the tenant
 * @param prefix the route's path prefix, {@code /<tenant>/api}
 * @param route  the route
 * @param secret the key's secret, to send as {@code X-API-Key}
 * @param key    the key
 */
public record RoutedTenant(String id, String prefix, RouteState route, String secret, ApiKeyState key) {

    /** Publishes a tenant whose route is {@code shape} applied to a route of the tenant on its prefix. */
    public static RoutedTenant publish(StateEvents events, ApiKeyHasher hasher, UnaryOperator<RouteBuilder> shape) {
        String tenant = "tenant-" + UUID.randomUUID();
        String prefix = "/" + tenant + "/api";
        RouteState route = shape.apply(RouteBuilder.aRoute().ofTenant(tenant).onPrefix(prefix))
                .build();
        events.publish(1, new RouteDefined(route));
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState key =
                anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)).build();
        events.publish(1, new ApiKeyIssued(key));
        events.publish(
                2,
                new SubscriptionApproved(
                        aSubscription(key, route.apiId(), tenant).build()));
        return new RoutedTenant(tenant, prefix, route, secret, key);
    }
}
