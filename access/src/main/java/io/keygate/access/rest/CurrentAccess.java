package io.keygate.access.rest;

import io.keygate.access.Caller;
import io.keygate.access.OwnerScope;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The access decision of the current call, for the service code that must finish it: who the caller is, and whether
 * the caller may only touch applications they own (the table's {@code own}).
 */
@RequestScoped
public class CurrentAccess {

    private Caller caller;
    private boolean ownershipRequired;

    void decided(Caller caller, boolean ownershipRequired) {
        this.caller = caller;
        this.ownershipRequired = ownershipRequired;
    }

    /** The signed-in caller, empty on a public endpoint called without a session. */
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** The caller's user id, or null on a public endpoint called without a session (for events' actor). */
    public String actor() {
        return caller == null ? null : caller.userId();
    }

    /** Whether the caller may touch only applications they own: the service must check the owner. */
    public boolean isOwnershipRequired() {
        return ownershipRequired;
    }

    /** What the caller may manage: {@link OwnerScope#ALL}, or only what they own. */
    public OwnerScope ownerScope() {
        if (!ownershipRequired) {
            return OwnerScope.ALL;
        }
        if (caller == null) {
            throw new IllegalStateException("The own grant needs a signed-in caller");
        }
        return OwnerScope.ownedBy(caller.userId(), caller.teams());
    }
}
