package io.keygate.events.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** What a user may do in a tenant; which endpoint needs which role is the access module's permission table. */
public enum TenantRole {
    /** Manages the tenant: users, applications, credentials, policies. */
    @JsonProperty("admin")
    ADMIN("admin"),
    /** Manages applications and credentials. */
    @JsonProperty("developer")
    DEVELOPER("developer"),
    /** Reads everything but secrets. */
    @JsonProperty("viewer")
    VIEWER("viewer"),
    /** Reads the audit trail. */
    @JsonProperty("auditor")
    AUDITOR("auditor");

    private final String wireName;

    TenantRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name in events, JSON bodies and the session token's {@code roles} claim, e.g. {@code admin}. */
    public String wireName() {
        return wireName;
    }

    /** The role with this wire name. */
    public static TenantRole ofWireName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown role " + name));
    }

    /** The role with this wire name, or empty when there is none. */
    public static Optional<TenantRole> find(String name) {
        for (TenantRole role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
