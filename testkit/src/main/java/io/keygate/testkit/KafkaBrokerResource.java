package io.keygate.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Quarkus test resource: a real Kafka broker; sets {@code kafka.bootstrap.servers}. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", Testkit.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped when the test JVM exits.
    }
}
