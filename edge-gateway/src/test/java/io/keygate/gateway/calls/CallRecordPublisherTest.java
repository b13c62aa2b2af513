package io.keygate.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.GatewayState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A publisher whose Kafka never answers: records wait (one with the producer, the rest in the queue) for as long as
 * Kafka is away; once the queue is full, every further record is counted as dropped, none silently. (Delivery to a
 * real broker is covered by the gateway's Quarkus tests, which read the call records back from Kafka.)
 */
class CallRecordPublisherTest {

    private static final int CAPACITY = 4;

    @Test
    void everyRecordThatCannotBeSentIsCountedAsDropped() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GatewayMetrics metrics = new GatewayMetrics(registry, new GatewayState());
        CallRecordPublisher publisher =
                new CallRecordPublisher(() -> unreachableKafka(), Duration.ZERO, metrics, CAPACITY);

        publisher.publish(call(0));
        assertThat(dropped(registry)).as("published before start").isEqualTo(1);

        publisher.start();
        int published = 100;
        for (int i = 1; i <= published; i++) {
            publisher.publish(call(i));
        }
        // The publisher thread holds one record while it waits for metadata (taken before the burst filled the queue,
        // or after); the queue holds four, or three.
        double droppedWhenFull = dropped(registry);
        assertThat(droppedWhenFull).isBetween(1.0 + published - CAPACITY - 1, 1.0 + published - CAPACITY);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        registry.get("keygate.gateway.calls.queued").gauge().value()
                                // Accepted: published - (droppedWhenFull - 1); one of them waits with the thread.
                                == published - droppedWhenFull);
        // Waiting is not a reason to drop: many max.block periods later, nothing more was dropped.
        await().during(Duration.ofMillis(1_000))
                .atMost(Duration.ofSeconds(3))
                .until(() -> dropped(registry) == droppedWhenFull);

        publisher.stop();
        assertThat(dropped(registry)).as("every record accounted for").isEqualTo(1.0 + published);
        assertThat(registry.get("keygate.gateway.calls.queued").gauge().value()).isZero();
        publisher.publish(call(published + 1));
        assertThat(dropped(registry)).as("published after stop").isEqualTo(2.0 + published);
    }

    private static double dropped(SimpleMeterRegistry registry) {
        return registry.get("keygate.gateway.calls.dropped").counter().count();
    }

    private static Map<String, Object> unreachableKafka() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                200,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName());
    }

    private static CallRecorded call(int i) {
        return new CallRecorded(
                "req-" + i,
                "gw",
                "acme",
                "route",
                "key",
                null,
                "GET",
                "/",
                200,
                CallOutcome.PROXIED,
                10,
                0,
                0,
                "203.0.113.1",
                Instant.now());
    }
}
