package io.keygate.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** token-service configuration ({@code keygate.api-key.*}). */
@ConfigMapping(prefix = "keygate.api-key")
public interface TokenServiceConfig {

    /** Label in issued keys, {@code kg_<environment>_…}: {@code live} or {@code test}. */
    @WithDefault("live")
    String environment();

    /** Server-side pepper of the stored HMAC-SHA-256 key hashes; shared with gateways, never logged. */
    String pepper();
}
