package io.keygate.policy.testdata;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production default of the SSRF guard: no loopback, link-local or unspecified targets. */
public class StrictUpstreamsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("keygate.policy.upstreams.allow-private-targets", "false");
    }
}
