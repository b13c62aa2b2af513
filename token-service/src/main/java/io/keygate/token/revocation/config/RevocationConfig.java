package io.keygate.token.revocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the token-service follows the gateways' revocation watermarks ({@code keygate.revocation.*}). */
@ConfigMapping(prefix = "keygate.revocation")
public interface RevocationConfig {

    /**
     * A gateway is live while its latest watermark is no older than this; gateways publish one per second, so a few
     * seconds ride out a hiccup while a stopped gateway drops out quickly.
     */
    @WithDefault("10s")
    Duration gatewayLiveness();

    /**
     * Positions kept per gateway and partition (only moved positions are kept), which bounds memory: a revocation
     * older than them is still answered, with the earliest kept time as an upper bound of since when.
     */
    @WithDefault("3600")
    int watermarkHistory();

    /** A gateway silent for this long is forgotten altogether (replicas come and go with deployments). */
    @WithDefault("1d")
    Duration forgetGatewaysAfter();
}
