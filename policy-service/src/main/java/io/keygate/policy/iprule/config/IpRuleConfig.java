package io.keygate.policy.iprule.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** IP-rule configuration ({@code keygate.ip-rule.*}). */
@ConfigMapping(prefix = "keygate.ip-rule")
public interface IpRuleConfig {

    /** How often rules past their expiry are looked for and get their expired event; 0 turns it off. */
    @WithDefault("5s")
    Duration expiryCheckInterval();

    /** Most rules expired per pass; the rest wait for the next pass. */
    @WithDefault("100")
    int expiryBatchSize();
}
