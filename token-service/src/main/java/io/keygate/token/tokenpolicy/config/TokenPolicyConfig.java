package io.keygate.token.tokenpolicy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the token-service enforces tenants' token policies on existing keys ({@code keygate.token-policy.*}). */
@ConfigMapping(prefix = "keygate.token-policy")
public interface TokenPolicyConfig {

    /**
     * How often a pass brings keys into line with policies not yet fully applied (after a crash or a failure) and
     * looks for keys whose secret aged into a rotation warning or forced expiry. 0 turns the pass off; a received
     * policy is still applied at once.
     */
    @WithDefault("5s")
    Duration checkInterval();

    /** Keys read per query of an alignment or rotation-age pass: each key is its own transaction. */
    @WithDefault("100")
    int batchSize();
}
