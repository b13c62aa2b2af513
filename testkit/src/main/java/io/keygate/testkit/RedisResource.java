package io.keygate.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Quarkus test resource: a real Redis server; sets {@code quarkus.redis.hosts}. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.redis.hosts", Testkit.redis().url());
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped when the test JVM exits.
    }
}
