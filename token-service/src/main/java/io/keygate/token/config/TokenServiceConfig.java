package io.keygate.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** token-service configuration ({@code keygate.api-key.*}). */
@ConfigMapping(prefix = "keygate.api-key")
public interface TokenServiceConfig {

    /** Label in issued keys, {@code kg_<environment>_…}: {@code live} or {@code test}. */
    @WithDefault("live")
    String environment();

    /** Server-side pepper of the stored HMAC-SHA-256 key hashes; shared with gateways, never logged. */
    String pepper();

    /**
     * How often the token-service looks for keys past their expiry and rotations past their grace period, and
     * emits their events. Between two such passes it runs one at the soonest time a key falls due, so an event
     * comes at its key's time; this interval bounds the delay only for a key whose committing instance went away
     * before it fell due. 0 turns expiry by event off.
     */
    @WithDefault("5s")
    Duration expiryCheckInterval();

    /** Most keys of each kind (expiry, grace end) handled per pass; the rest wait for the next pass. */
    @WithDefault("100")
    int expiryBatchSize();
}
