package io.keygate.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that sends the same GET over and over on its own thread until stopped, counting the answers by status
 * (-1 for a request that got no answer at all): what a steady caller sees during an incident.
 */
public final class RequestLoop implements AutoCloseable {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private RequestLoop(HttpRequest request) {
        this.request = request;
        this.thread = new Thread(this::run, "request-loop");
        this.thread.setDaemon(true);
    }

    /** Starts sending {@code GET url} with the header {@code name: value}. */
    public static RequestLoop start(String url, String name, String value) {
        RequestLoop loop = new RequestLoop(HttpRequest.newBuilder(URI.create(url))
                .header(name, value)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
        loop.thread.start();
        return loop;
    }

    /** Requests answered (or failed) so far. */
    public int sent() {
        return sent.get();
    }

    /** Answers so far by status; -1 counts requests that got no answer. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    /** Stops sending and waits for the request in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(15).toMillis());
    }

    private void run() {
        while (running) {
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            sent.incrementAndGet();
        }
    }
}
