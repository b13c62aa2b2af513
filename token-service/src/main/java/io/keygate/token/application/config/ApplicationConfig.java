package io.keygate.token.application.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Applications configuration ({@code keygate.application.*}). Its own prefix, like {@code keygate.oauth.*}:
 * the keys name what they are about rather than sit under {@code keygate.api-key.*}.
 */
@ConfigMapping(prefix = "keygate.application")
public interface ApplicationConfig {

    /**
     * How often the credential sweeper looks for active API keys and OAuth2 clients of deleted applications
     * and revokes them. Deleting an application already revokes its credentials before the DELETE answers;
     * this pass finishes the job after a crash or failure in between, so it bounds how long a credential of
     * a deleted application can stay usable in that case. 0 turns it off.
     */
    @WithDefault("10s")
    Duration credentialSweepInterval();

    /** Credentials of each kind read per query of a sweep; a pass repeats the query until none are left. */
    @WithDefault("100")
    int credentialSweepBatchSize();
}
