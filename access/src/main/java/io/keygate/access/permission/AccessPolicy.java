package io.keygate.access.permission;

import io.keygate.access.Caller;
import io.keygate.events.identity.TenantRole;

/** Decides a call from its permission row, the caller and the tenant the call names. Pure: no framework. */
public final class AccessPolicy {

    private AccessPolicy() {}

    /**
     * @param permission    the endpoint's row
     * @param caller        the verified caller, or null when the call carries no valid session
     * @param requestTenant the tenant the call names (per {@link Permission#tenant()}), or null when it names none
     */
    public static Verdict decide(Permission permission, Caller caller, String requestTenant) {
        TenantScope scope = permission.tenant();
        if (scope instanceof TenantScope.Public) {
            return new Verdict.Allowed(false);
        }
        if (caller == null) {
            return new Verdict.Unauthenticated();
        }
        if (caller.platformAdmin() || scope instanceof TenantScope.SignedIn) {
            return new Verdict.Allowed(false);
        }
        if (scope instanceof TenantScope.Platform) {
            return new Verdict.Forbidden("Only platform administrators may do this.");
        }
        if (requestTenant == null) {
            return new Verdict.Forbidden("Name your tenant: only platform administrators may read across tenants.");
        }
        if (!caller.isMemberOf(requestTenant)) {
            return new Verdict.Forbidden("Your session does not belong to this tenant.");
        }
        Grant best = Grant.DENY;
        for (TenantRole role : caller.roles()) {
            Grant grant = permission.grantOf(role);
            if (grant.ordinal() < best.ordinal()) {
                best = grant;
            }
        }
        if (best == Grant.ALLOW) {
            return new Verdict.Allowed(false);
        }
        if (best == Grant.OWN) {
            return new Verdict.Allowed(true);
        }
        return new Verdict.Forbidden("Your roles do not allow this.");
    }
}
