package io.keygate.bench;

import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Revocation propagation: for one key after another, the time from publishing its revocation as token-service's
 * outbox relay would (an {@code apikey.revoked} event with the key's full state, no linger, {@code acks=all}) to the
 * first 401 the gateway answers for that key, polling it without pause. Each key is first checked to be accepted,
 * so every measured delay is a real change from 200 to 401.
 */
final class RevocationProbe {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final StatePublisher publisher;
    private final BenchTenant tenant;
    private final URI uri;

    RevocationProbe(StatePublisher publisher, BenchTenant tenant, String proxyUrl) {
        this.publisher = publisher;
        this.tenant = tenant;
        this.uri = URI.create(proxyUrl + BenchTenant.PATH);
    }

    /** The delays of revoking each key (its state, then its secret), in milliseconds, as a histogram of µs. */
    Histogram measure(List<ApiKeyState> keys, List<String> secrets) throws IOException, InterruptedException {
        Histogram delays = new Histogram(GIVE_UP.toNanos() / 1_000, 3);
        List<String> late = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String secret = secrets.get(i);
            int before = status(secret);
            if (before != 200) {
                throw new IllegalStateException("Key " + keys.get(i).keyId() + " answered " + before
                        + " before its revocation; the measurement needs accepted keys");
            }
            ApiKeyState key = keys.get(i);
            long sentNanos = System.nanoTime();
            publisher.send(2, new ApiKeyRevoked(tenant.revoked(key, Instant.now()), "bench"));
            long deadline = sentNanos + GIVE_UP.toNanos();
            int status;
            do {
                status = status(secret);
            } while (status != 401 && System.nanoTime() < deadline);
            if (status != 401) {
                late.add(key.keyId());
                continue;
            }
            delays.recordValue(Math.max(1, (System.nanoTime() - sentNanos) / 1_000));
        }
        publisher.flush();
        if (!late.isEmpty()) {
            throw new IllegalStateException(
                    late.size() + " revoked keys were still accepted after " + GIVE_UP + ": " + late.subList(0, 1));
        }
        return delays;
    }

    private int status(String secret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("X-API-Key", secret)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
