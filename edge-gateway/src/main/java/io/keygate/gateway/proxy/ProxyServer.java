package io.keygate.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.events.net.ClientAddresses;
import io.keygate.gateway.balance.PassiveHealthPolicy;
import io.keygate.gateway.calls.CallRecordPublisher;
import io.keygate.gateway.check.CheckChain;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.ratelimit.RateLimiting;
import io.keygate.gateway.state.GatewayState;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The proxy port: a Vert.x HTTP server on Quarkus's Vert.x instance, apart from the Quarkus HTTP server
 * that serves the admin API, health and metrics. One verticle per event loop, all sharing the port.
 */
@ApplicationScoped
public class ProxyServer {

    private static final Logger LOG = Logger.getLogger(ProxyServer.class);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final GatewayState state;
    private final CheckChain checks;
    private final GatewayMetrics metrics;
    private final CallRecordPublisher publisher;
    private final ObjectMapper json;
    private final RateLimiting rateLimiting;
    private final List<String> deployments = new ArrayList<>();
    private final PassiveHealthPolicy healthPolicy;
    private volatile int port = -1;

    public ProxyServer(
            Vertx vertx,
            GatewayConfig config,
            GatewayState state,
            CheckChain checks,
            GatewayMetrics metrics,
            CallRecordPublisher publisher,
            ObjectMapper json,
            RateLimiting rateLimiting) {
        this.rateLimiting = rateLimiting;
        this.vertx = vertx;
        this.config = config;
        this.state = state;
        this.checks = checks;
        this.metrics = metrics;
        this.publisher = publisher;
        this.json = json;
        GatewayConfig.PassiveHealth health = config.gateway().proxy().passiveHealth();
        this.healthPolicy =
                new PassiveHealthPolicy(health.failureThreshold(), health.cooldown(), health.failureStatuses());
    }

    /** Binds the proxy port and returns once every event loop serves it. */
    public synchronized void start() {
        GatewayConfig.Proxy proxy = config.gateway().proxy();
        int instances =
                proxy.instances() > 0 ? proxy.instances() : Runtime.getRuntime().availableProcessors();
        // Vert.x shares a random port among the servers of one deployment when it is asked for port -1.
        int requestedPort = proxy.port() == 0 ? -1 : proxy.port();
        rateLimiting.start(vertx);
        List<ProxyVerticle> verticles = new CopyOnWriteArrayList<>();
        deployments.add(await(vertx.deployVerticle(
                () -> {
                    ProxyVerticle verticle = new ProxyVerticle(proxy, requestedPort, this::newHandler);
                    verticles.add(verticle);
                    return verticle;
                },
                new DeploymentOptions().setInstances(instances))));
        port = verticles.get(0).actualPort();
        LOG.infof("Proxy listening on %s:%d with %d event loop(s)", proxy.host(), port, instances);
    }

    /** Closes the proxy port. */
    public synchronized void stop() {
        for (String deployment : deployments) {
            try {
                await(vertx.undeploy(deployment));
            } catch (RuntimeException e) {
                LOG.warnf("Proxy verticle %s did not stop cleanly: %s", deployment, e.getMessage());
            }
        }
        deployments.clear();
        rateLimiting.stop();
        port = -1;
    }

    /** The port the proxy is bound to (the real one when configured as 0), or -1 when not started. */
    public int port() {
        return port;
    }

    private ProxyRequestHandler newHandler(HttpClient client) {
        GatewayConfig.Proxy proxy = config.gateway().proxy();
        ProblemResponder problems = new ProblemResponder(json);
        CallFinisher finisher =
                new CallFinisher(metrics, publisher, config.gateway().id());
        UpstreamForwarder forwarder = new UpstreamForwarder(
                client,
                problems,
                finisher,
                metrics,
                healthPolicy,
                proxy.upstreamConnectTimeout(),
                proxy.upstreamIdleTimeout());
        ClientAddresses clients =
                ClientAddresses.trusting(proxy.trustedProxies().orElse(List.of()));
        // Called on the verticle's event loop: a Redis limiter's client belongs to it.
        return new ProxyRequestHandler(
                state,
                checks,
                forwarder,
                problems,
                finisher,
                clients,
                rateLimiting.limits(),
                rateLimiting.forThisEventLoop());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage()
                    .toCompletableFuture()
                    .get(DEPLOY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the proxy", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Proxy server did not start or stop: " + e.getMessage(), e);
        }
    }
}
