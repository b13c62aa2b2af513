package io.keygate.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real upstream for tests: answers every request with 200 and a JSON echo of what it received —
 * method, URI, body length and headers (names lower-cased, first value) — and its name in the {@code X-Upstream}
 * response header.
 */
public final class EchoUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of the loopback interface, named {@code echo}. */
    public static EchoUpstream start() {
        return start("echo");
    }

    /** Starts on a free port of the loopback interface, answering with {@code X-Upstream: name}. */
    public static EchoUpstream start(String name) {
        return start(name, 200);
    }

    /** Starts an upstream that echoes with {@code status} (e.g. 503 for a target that is up but failing). */
    public static EchoUpstream start(String name, int status) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> echo(exchange, name, status));
            server.start();
            return new EchoUpstream(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL to use as a route's upstream. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void echo(HttpExchange exchange, String name, int status) throws IOException {
        long bodyLength;
        try (InputStream body = exchange.getRequestBody()) {
            bodyLength = body.transferTo(OutputStream.nullOutputStream());
        }
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            headers.put(
                    header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
        }
        byte[] response = JSON.writeValueAsBytes(Map.of(
                "method",
                exchange.getRequestMethod(),
                "uri",
                exchange.getRequestURI().toString(),
                "bodyLength",
                bodyLength,
                "headers",
                headers));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.sendResponseHeaders(status, response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
