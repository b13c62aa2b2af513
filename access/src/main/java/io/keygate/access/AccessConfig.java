package io.keygate.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the access checks, under {@code keygate.access}. */
@ConfigMapping(prefix = "keygate.access")
public interface AccessConfig {

    /** This service's name in the permission table's {@code service} column ({@code token}, {@code policy}, …). */
    String service();

    /** The {@code iss} of session tokens: the token-service's issuer. Env: {@code KEYGATE_OAUTH_ISSUER}. */
    @WithDefault("${KEYGATE_OAUTH_ISSUER:http://localhost:8081}")
    String issuer();

    /** Clock difference tolerated on {@code exp} and {@code iat}. */
    @WithDefault("30s")
    Duration clockSkew();

    /**
     * How many verified session tokens are remembered, so that the next call with the same token skips its
     * signature check (its expiry, session and signing key are checked on every call). About 1 KB each.
     */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    /**
     * How far back ended sessions are read from {@code keygate.identities} at start: at least the longest session
     * token lifetime, so no token of a session that ended before this instance started is accepted.
     */
    @WithDefault("1h")
    Duration sessionLookback();

    /**
     * How long the service's start waits for the published signing keys to be read, so that it does not refuse
     * valid sessions right after it starts. After that it starts anyway and stays not-ready until it has read them.
     */
    @WithDefault("30s")
    Duration startupWait();

    /** Kafka, where signing keys and ended sessions come from. Defaults to {@code kafka.bootstrap.servers}. */
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String kafkaBootstrapServers();
}
