package io.keygate.token.testdata;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** MFA not required: a user without a second factor logs in with the password alone. */
public class MfaOptionalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("keygate.identity.mfa-required", "false");
    }
}
