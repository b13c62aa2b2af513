package io.keygate.token.testdata;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The periodic credential sweep off, so a test can tell what a deletion's own revocation pass did: with the
 * sweep on (every second in tests), it may revoke a key first and take the credit.
 */
public class NoPeriodicSweepProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("keygate.application.credential-sweep-interval", "0s");
    }
}
