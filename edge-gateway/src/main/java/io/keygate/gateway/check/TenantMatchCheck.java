package io.keygate.gateway.check;

/** A valid key of another tenant than the route's is refused (403): keys never cross tenants. */
public final class TenantMatchCheck implements RequestCheck {

    @Override
    public Rejection check(CallContext call) {
        return call.key().tenantId().equals(call.route().tenantId()) ? null : Rejection.WRONG_TENANT;
    }
}
