package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of an IP rule: client addresses in {@code cidr} are allowed or denied, platform-wide or for
 * one tenant.
 *
 * @param ruleId    stable id, {@code ipr_} + 32 hex digits
 * @param scope     {@code GLOBAL} (no tenant) or {@code TENANT}
 * @param tenantId  the tenant for a {@code TENANT} rule; null for a {@code GLOBAL} one
 * @param action    allow or deny
 * @param cidr      the network, canonical CIDR text ({@code 203.0.113.0/24}, {@code 2001:db8::/32})
 * @param reason    why the rule exists (1..500 characters)
 * @param expiresAt when the rule stops applying, or null for never
 * @param status    lifecycle state
 * @param createdAt when the rule was created
 * @param updatedAt when this state was reached
 * @param version   the rule aggregate's version after the event
 */
public record IpRuleState(
        String ruleId,
        IpRuleScope scope,
        String tenantId,
        IpRuleAction action,
        String cidr,
        String reason,
        Instant expiresAt,
        IpRuleStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public IpRuleState {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(status, "status");
        if ((scope == IpRuleScope.GLOBAL) != (tenantId == null)) {
            throw new IllegalArgumentException("a GLOBAL rule has no tenant, a TENANT rule has one");
        }
    }

    /** This rule in another lifecycle state, reached at {@code at} as {@code version}. */
    public IpRuleState withStatus(IpRuleStatus newStatus, Instant at, long newVersion) {
        return new IpRuleState(
                ruleId, scope, tenantId, action, cidr, reason, expiresAt, newStatus, createdAt, at, newVersion);
    }
}
