package io.keygate.gateway.kafka;

import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.gateway.config.GatewayConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Properties of the gateway's Kafka clients: the connection settings every Quarkus service reads from
 * {@code kafka.*} (bootstrap servers, TLS, SASL), plus what each client needs on top.
 */
@ApplicationScoped
public class KafkaClientProperties {

    private final Map<String, Object> connection;
    private final GatewayConfig config;

    @Inject
    public KafkaClientProperties(@Identifier("default-kafka-broker") Map<String, Object> kafka, GatewayConfig config) {
        Map<String, Object> common = new HashMap<>(kafka);
        // Quarkus adds the application name as group id; the gateway reads without a group on purpose.
        common.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.connection = Map.copyOf(common);
        this.config = config;
    }

    /** For the admin client that creates missing topics. */
    public Map<String, Object> admin() {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("admin"));
        return props;
    }

    /**
     * For the state consumer: no group (every gateway reads every partition from the beginning), no
     * commits, records as bytes (the consumer reads the CloudEvents itself: API-key events without building them).
     */
    public Map<String, Object> stateConsumer() {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("state"));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /**
     * For the call-record producer: durable and idempotent, batched, fed by one publisher thread. A record is never
     * given up for taking long: through a Kafka outage records wait in the producer's buffer (then in the queue) and
     * are sent when Kafka is back; they are dropped only when both are full. Kafka's default would drop every record
     * still unsent 2 minutes into an outage, with room left.
     */
    public Map<String, Object> callProducer() {
        GatewayConfig.Calls calls = config.gateway().calls();
        Map<String, Object> props = new HashMap<>(connection);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("calls"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) calls.linger().toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, calls.maxBlock().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, calls.bufferMemory());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, calls.batchSize());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, calls.compression());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Records arrive encoded (CloudEvents binary mode) by CallRecordEncoder.
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /**
     * For the revocation-watermark producer: durable and idempotent; it runs on its own thread, so a send may wait
     * up to one watermark interval for metadata or buffer space.
     */
    public Map<String, Object> watermarkProducer() {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("watermark"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                config.gateway().watermark().interval().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        return props;
    }

    private String clientId(String role) {
        return "edge-gateway-" + config.gateway().id() + "-" + role;
    }
}
