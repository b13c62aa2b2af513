package io.keygate.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dashboard user's role within their tenant. A user may hold several; platform administration is a separate flag
 * ({@link Caller#platformAdmin()}), not a role.
 */
public enum Role {
    /** Does everything within the tenant. */
    ADMIN("admin"),
    /** Manages the applications they own and those applications' credentials; reads the catalog. */
    DEVELOPER("developer"),
    /** Reads configuration and usage. */
    VIEWER("viewer"),
    /** Reads the audit trail. */
    AUDITOR("auditor");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The name in the {@code roles} claim, the permission table and the API. */
    public String claim() {
        return claim;
    }

    /** The role named {@code claim}, or empty when there is none of that name. */
    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }
}
