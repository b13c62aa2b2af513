package io.keygate.token.alert.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/** Which tenants let critical analytics alerts revoke their keys ({@code keygate.alert-actions.*}). */
@ConfigMapping(prefix = "keygate.alert-actions")
public interface AlertActionConfig {

    /**
     * Tenants whose keys are revoked when analytics raises a critical alert suggesting it (a spike far above the
     * key's baseline, or a burst of authentication failures naming the key). Absent or empty: no tenant.
     */
    Optional<Set<String>> autoRevokeTenants();
}
