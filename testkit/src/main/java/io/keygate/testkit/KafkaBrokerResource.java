package io.keygate.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker; sets {@code kafka.bootstrap.servers}. The broker holds the test signing
 * key of {@link TestSessions} before the application starts, so the session tokens of tests verify from the first call.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrapServers = Testkit.kafka().bootstrapServers();
        SessionChecks.publishTestSigningKeyIfChecked(bootstrapServers);
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped when the test JVM exits.
    }
}
