package io.keygate.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real HTTP API behind the gateway: answers every request with JSON describing what it received
 * (method, path, query, the headers the gateway added), so a person or a test can see what got through.
 */
public final class DemoUpstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();

    private DemoUpstream(HttpServer server) {
        this.server = server;
    }

    /** Starts on a port (0 for any free one) on loopback. */
    public static DemoUpstream start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            DemoUpstream upstream = new DemoUpstream(server);
            server.createContext("/", upstream::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "demo-upstream");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException("Demo upstream cannot listen on port " + port, e);
        }
    }

    /** Its base URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests it has served. */
    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", "keygate-demo-upstream");
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("bodyBytes", bodyBytes);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        echo.put("headers", headers);
        byte[] response = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(echo);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
