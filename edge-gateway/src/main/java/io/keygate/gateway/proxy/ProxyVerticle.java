package io.keygate.gateway.proxy;

import io.keygate.gateway.config.GatewayConfig;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One event loop of the proxy: an HTTP server on the proxy port (Vert.x shares the port between the
 * instances) and its own keep-alive upstream client, so a request never leaves its event loop.
 */
final class ProxyVerticle extends AbstractVerticle {

    private final GatewayConfig.Proxy config;
    private final int port;
    private final Function<HttpClient, ProxyRequestHandler> handlers;
    private HttpServer server;
    private HttpClient client;

    /**
     * @param port     the port to listen on; -1 for a free one shared by the deployment's instances
     * @param handlers builds the request handler around this verticle's upstream client
     */
    ProxyVerticle(GatewayConfig.Proxy config, int port, Function<HttpClient, ProxyRequestHandler> handlers) {
        this.config = config;
        this.port = port;
        this.handlers = handlers;
    }

    @Override
    public void start(Promise<Void> started) {
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.upstreamMaxConnections()));
        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                .setPort(port)
                // 0 turns it off, as in Vert.x.
                .setIdleTimeout((int)
                        Math.min(Integer.MAX_VALUE, config.clientIdleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxHeaderSize(config.maxHeaderSize())
                .setMaxInitialLineLength(config.maxInitialLineLength())
                .setCompressionSupported(false)
                .setDecompressionSupported(false));
        ProxyRequestHandler handler = handlers.apply(client);
        server.requestHandler(handler)
                .invalidRequestHandler(handler::refuseUndecodable)
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        server.close().compose(closed -> client.close()).onComplete(stopped);
    }

    /** The port the server is bound to. */
    int actualPort() {
        return server.actualPort();
    }
}
