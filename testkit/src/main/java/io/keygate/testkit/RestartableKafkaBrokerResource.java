package io.keygate.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: a Kafka broker of the test class's own, which the test may {@link KafkaBroker#stop()
 * stop} and {@link KafkaBroker#restart() restart} (the shared {@link Testkit#kafka()} broker must never be stopped:
 * other test classes use it). Sets {@code kafka.bootstrap.servers}; the broker and its data are gone after the class.
 * Declare it with {@code restrictToAnnotatedClass = true}.
 */
public class RestartableKafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker current;

    @Override
    public Map<String, String> start() {
        current = KafkaBroker.start();
        SessionChecks.publishTestSigningKeyIfChecked(current.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", current.bootstrapServers());
    }

    @Override
    public void stop() {
        KafkaBroker broker = current;
        current = null;
        if (broker != null) {
            broker.close();
        }
    }

    /** The running test class's broker. */
    public static KafkaBroker broker() {
        KafkaBroker broker = current;
        if (broker == null) {
            throw new IllegalStateException(
                    "No restartable broker: declare RestartableKafkaBrokerResource on the class");
        }
        return broker;
    }
}
