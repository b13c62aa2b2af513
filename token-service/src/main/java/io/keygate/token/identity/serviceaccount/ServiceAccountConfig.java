package io.keygate.token.identity.serviceaccount;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service accounts ({@code keygate.identity.service-accounts.*}; env {@code KEYGATE_IDENTITY_SERVICE_ACCOUNTS_*}). */
@ConfigMapping(prefix = "keygate.identity.service-accounts")
public interface ServiceAccountConfig {

    /**
     * How long a service token is valid. Short, because a revocation is enforced by every service from the event
     * until the last token issued before it expires.
     */
    @WithDefault("PT15M")
    Duration tokenLifetime();
}
