package io.keygate.gateway.check;

import io.keygate.events.net.Cidr;
import io.keygate.gateway.ip.IpRuleIndex;
import java.time.Instant;
import java.util.List;

/**
 * The client's address must be allowed: by the key's own IP allow-list if it has one, and by the IP rules of the
 * platform, of the route's tenant and (for a key calling another tenant's API) of the key's tenant: deny rules,
 * and allow-lists where they exist. Refused with 403; so is an address the gateway cannot read (fail closed).
 */
public final class IpAllowedCheck implements RequestCheck {

    private final IpRuleIndex rules;

    public IpAllowedCheck(IpRuleIndex rules) {
        this.rules = rules;
    }

    @Override
    public Rejection check(CallContext call) {
        byte[] address = addressOf(call.clientIp());
        if (address == null) {
            return Rejection.IP_NOT_ALLOWED;
        }
        Caller caller = call.caller();
        if (!onKeyAllowList(caller.allowedNetworks(), address)) {
            return Rejection.IP_NOT_ALLOWED;
        }
        Instant now = call.receivedAt();
        return rules.allows(call.route().tenantId(), address, now)
                        && (caller.tenantId().equals(call.route().tenantId())
                                || rules.allows(caller.tenantId(), address, now))
                ? null
                : Rejection.IP_NOT_ALLOWED;
    }

    private static boolean onKeyAllowList(List<Cidr> allowList, byte[] address) {
        if (allowList == null) {
            return true;
        }
        for (Cidr network : allowList) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address as 4 or 16 bytes (IPv4-mapped IPv6 as IPv4), or null if it is absent or unreadable. */
    static byte[] addressOf(String clientIp) {
        if (clientIp == null) {
            return null;
        }
        try {
            return Cidr.parse(clientIp).networkBytes();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
