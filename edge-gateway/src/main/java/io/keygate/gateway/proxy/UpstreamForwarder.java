package io.keygate.gateway.proxy;

import io.keygate.gateway.balance.HealthChange;
import io.keygate.gateway.balance.PassiveHealthPolicy;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.Upstream;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Sends accepted requests to their route's targets over this event loop's pooled keep-alive client: one
 * {@link UpstreamExchange} per request, which picks the target, retries and streams. Holds what the exchanges share
 * and turns their reports on targets into passive health, metrics and log lines.
 */
final class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    final HttpClient client;
    final ProblemResponder problems;
    final CallFinisher finisher;
    final PassiveHealthPolicy health;
    private final GatewayMetrics metrics;
    private final long defaultConnectTimeoutMillis;
    private final long defaultReadTimeoutMillis;

    UpstreamForwarder(
            HttpClient client,
            ProblemResponder problems,
            CallFinisher finisher,
            GatewayMetrics metrics,
            PassiveHealthPolicy health,
            Duration defaultConnectTimeout,
            Duration defaultReadTimeout) {
        this.client = client;
        this.problems = problems;
        this.finisher = finisher;
        this.metrics = metrics;
        this.health = health;
        this.defaultConnectTimeoutMillis = defaultConnectTimeout.toMillis();
        this.defaultReadTimeoutMillis = defaultReadTimeout.toMillis();
    }

    void forward(HttpServerRequest request, CallContext call) {
        new UpstreamExchange(this, request, call).start();
    }

    /** Time to get a connection to a target of {@code route}: the route's, else the gateway's default. */
    long connectTimeoutMillis(GatewayRoute route) {
        int own = route.state().connectTimeoutMs();
        return own > 0 ? own : defaultConnectTimeoutMillis;
    }

    /** Longest silence of a target of {@code route} before the attempt times out: the route's, else the default. */
    long readTimeoutMillis(GatewayRoute route) {
        int own = route.state().readTimeoutMs();
        return own > 0 ? own : defaultReadTimeoutMillis;
    }

    void succeeded(GatewayRoute route, int target) {
        if (route.balancer().succeeded(target) == HealthChange.RETURNED) {
            String name = targetName(route, target);
            LOG.infof("Target %s of route %s is back in the rotation after a successful trial", name, route.routeId());
            metrics.targetReturned(route.routeId(), name);
        }
    }

    void failed(GatewayRoute route, int target) {
        if (route.balancer().failed(target, System.nanoTime(), health) == HealthChange.EJECTED) {
            String name = targetName(route, target);
            LOG.warnf(
                    "Target %s of route %s ejected for %s after %d failure(s) in a row",
                    name, route.routeId(), health.cooldown(), health.failureThreshold());
            metrics.targetEjected(route.routeId(), name);
        }
    }

    void retried(GatewayRoute route) {
        metrics.upstreamRetried(route.routeId());
    }

    private static String targetName(GatewayRoute route, int target) {
        Upstream upstream = route.upstreams().get(target);
        return upstream.host() + ":" + upstream.port();
    }
}
