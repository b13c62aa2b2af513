package io.keygate.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Line (m) of the gateway benchmark: the smallest reverse proxy the gateway's own stack can be, Vert.x 4 on Netty
 * (the versions the gateway runs on), one verticle per event loop, a pooled keep-alive client per loop, request and
 * response headers copied (minus hop-by-hop ones), bodies piped. No checks, no call records, no metrics. It is not a product: it marks the
 * floor of the stack on this machine, so that the gateway's own cost can be told apart from the runtime's.
 * Run as its own JVM: {@code MinimalVertxProxy <port> <upstream-port> <event-loops>}.
 */
public final class MinimalVertxProxy extends AbstractVerticle {

    private static final List<String> HOP_BY_HOP = List.of(
            "Connection",
            "Keep-Alive",
            "Proxy-Connection",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade",
            "HTTP2-Settings");

    private final int port;
    private final int upstreamPort;
    private HttpClient client;

    private MinimalVertxProxy(int port, int upstreamPort) {
        this.port = port;
        this.upstreamPort = upstreamPort;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        int loops = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(
                        () -> new MinimalVertxProxy(port, upstreamPort), new DeploymentOptions().setInstances(loops))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        System.out.println("listening on " + port);
    }

    @Override
    public void start() {
        client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(100));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(this::proxy)
                .listen();
    }

    private void proxy(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost("127.0.0.1")
                .setPort(upstreamPort)
                .setURI(request.uri());
        // As nginx's proxy_pass: the connection-specific headers stay on this hop.
        MultiMap headers = HttpHeaders.headers().addAll(request.headers());
        HOP_BY_HOP.forEach(headers::remove);
        options.setHeaders(headers);
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                response.setStatusCode(502).end();
                return;
            }
            boolean body = request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                    || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
            Future<HttpClientResponse> answer;
            if (body) {
                answer = connected.result().send(request);
            } else {
                request.resume();
                answer = connected.result().send();
            }
            answer.onComplete(answered -> {
                if (answered.failed()) {
                    response.setStatusCode(502).end();
                    return;
                }
                response.setStatusCode(answered.result().statusCode());
                response.headers().addAll(answered.result().headers());
                HOP_BY_HOP.forEach(response.headers()::remove);
                if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                    response.setChunked(true);
                }
                answered.result().pipeTo(response);
            });
        });
    }
}
