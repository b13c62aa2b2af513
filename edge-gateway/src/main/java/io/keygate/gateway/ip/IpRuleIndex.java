package io.keygate.gateway.ip;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IP rules in force, global and per tenant, as their events last described them. Deny rules refuse the
 * addresses they cover; allow rules, where a scope has any, make an allow-list the address must be on. A rule
 * past its expiry stops counting at once, before its {@code expired} event arrives. Deny wins over allow.
 *
 * <p>One writer (the state consumer) applies events and then {@link #commit()}s, which swaps in new tries;
 * request threads read the current ones without locks.
 */
public final class IpRuleIndex {

    private final Map<String, Applied> byId = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = Snapshot.build(Map.of());
    private boolean dirty;

    private record Applied(IpRuleState rule, Cidr network, long sequence) {}

    /** The rules of one scope (the platform, or one tenant). */
    private static final class Scope {
        private final CidrTrie<Applied> rules = new CidrTrie<>();
        private boolean hasAllowRules;
        /** The latest expiry among the allow rules, or null if one never expires. */
        private Instant allowListEnds = Instant.MIN;

        private void add(Applied applied) {
            rules.add(applied.network(), applied);
            if (applied.rule().action() == IpRuleAction.ALLOW) {
                hasAllowRules = true;
                Instant expiry = applied.rule().expiresAt();
                allowListEnds = expiry == null || allowListEnds == null
                        ? null
                        : (expiry.isAfter(allowListEnds) ? expiry : allowListEnds);
            }
        }

        private boolean hasAllowListAt(Instant now) {
            return hasAllowRules && (allowListEnds == null || now.isBefore(allowListEnds));
        }
    }

    private record Snapshot(Scope global, Map<String, Scope> tenants) {
        static Snapshot build(Map<String, Applied> rules) {
            Scope global = new Scope();
            Map<String, Scope> tenants = new HashMap<>();
            for (Applied applied : rules.values()) {
                if (applied.rule().status() != IpRuleStatus.ACTIVE) {
                    continue;
                }
                if (applied.rule().scope() == IpRuleScope.GLOBAL) {
                    global.add(applied);
                } else {
                    tenants.computeIfAbsent(applied.rule().tenantId(), t -> new Scope())
                            .add(applied);
                }
            }
            return new Snapshot(global, tenants);
        }
    }

    /**
     * Records a rule's state at an aggregate sequence; visible to requests after {@link #commit()}.
     *
     * @return false when the sequence is not newer than the one already applied (a replay or a duplicate)
     * @throws IllegalArgumentException if the rule's CIDR does not parse (the state is left as it was)
     */
    public boolean apply(IpRuleState rule, long sequence) {
        Applied previous = byId.get(rule.ruleId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        byId.put(rule.ruleId(), new Applied(rule, Cidr.parse(rule.cidr()), sequence));
        dirty = true;
        return true;
    }

    /** Makes the rules applied so far the ones requests are checked against. */
    public void commit() {
        if (dirty) {
            snapshot = Snapshot.build(Map.copyOf(byId));
            dirty = false;
        }
    }

    /**
     * Whether an address may call a tenant's routes at {@code now}: not covered by an unexpired deny rule of the
     * platform or the tenant, and on each of their allow-lists that is in force.
     *
     * @param address the client's address, 4 or 16 bytes (an IPv4-mapped IPv6 address as its IPv4 form)
     */
    public boolean allows(String tenantId, byte[] address, Instant now) {
        Snapshot current = snapshot;
        if (!allowedBy(current.global(), address, now)) {
            return false;
        }
        Scope tenant = current.tenants().get(tenantId);
        return tenant == null || allowedBy(tenant, address, now);
    }

    private static boolean allowedBy(Scope scope, byte[] address, Instant now) {
        boolean[] denied = {false};
        boolean[] listed = {false};
        scope.rules.forEachContaining(address, applied -> {
            Instant expiry = applied.rule().expiresAt();
            if (expiry != null && !now.isBefore(expiry)) {
                return;
            }
            if (applied.rule().action() == IpRuleAction.DENY) {
                denied[0] = true;
            } else {
                listed[0] = true;
            }
        });
        return !denied[0] && (listed[0] || !scope.hasAllowListAt(now));
    }

    /** Number of rules known, in any status. */
    public int size() {
        return byId.size();
    }
}
