package io.keygate.gateway.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IpRuleIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final IpRuleIndex index = new IpRuleIndex();

    private static IpRuleState rule(String id, String tenant, IpRuleAction action, String cidr, Instant expiresAt) {
        return new IpRuleState(
                id,
                tenant == null ? IpRuleScope.GLOBAL : IpRuleScope.TENANT,
                tenant,
                action,
                cidr,
                "test",
                expiresAt,
                IpRuleStatus.ACTIVE,
                NOW,
                NOW,
                1);
    }

    private void apply(IpRuleState rule, long sequence) {
        index.apply(rule, sequence);
        index.commit();
    }

    private boolean allows(String tenant, String address) {
        return index.allows(tenant, Cidr.parse(address).networkBytes(), NOW);
    }

    @Test
    void withoutRulesEveryAddressIsAllowed() {
        assertThat(allows("acme", "203.0.113.9")).isTrue();
        assertThat(allows("acme", "2001:db8::1")).isTrue();
    }

    @Test
    void aGlobalDenyRuleRefusesItsNetworkForEveryTenant() {
        apply(rule("r1", null, IpRuleAction.DENY, "198.51.100.0/24", null), 1);

        assertThat(allows("acme", "198.51.100.7")).isFalse();
        assertThat(allows("globex", "198.51.100.7")).isFalse();
        assertThat(allows("acme", "198.51.101.7")).isTrue();
    }

    @Test
    void aTenantsRulesApplyToThatTenantOnly() {
        apply(rule("r1", "acme", IpRuleAction.DENY, "2001:db8::/32", null), 1);

        assertThat(allows("acme", "2001:db8::1")).isFalse();
        assertThat(allows("globex", "2001:db8::1")).isTrue();
    }

    @Test
    void anAllowRuleMakesAnAllowListAndDenyWinsInsideIt() {
        apply(rule("r1", "acme", IpRuleAction.ALLOW, "10.0.0.0/8", null), 1);
        apply(rule("r2", "acme", IpRuleAction.DENY, "10.6.6.0/24", null), 1);

        assertThat(allows("acme", "10.1.2.3")).isTrue();
        assertThat(allows("acme", "10.6.6.6")).isFalse();
        assertThat(allows("acme", "192.0.2.1")).isFalse();
    }

    @Test
    void anExpiredRuleStopsCountingBeforeItsExpiredEventArrives() {
        apply(rule("r1", null, IpRuleAction.DENY, "198.51.100.0/24", NOW), 1);
        apply(rule("r2", "acme", IpRuleAction.ALLOW, "10.0.0.0/8", NOW.minusSeconds(1)), 1);

        assertThat(allows("acme", "198.51.100.7")).isTrue();
        assertThat(allows("acme", "192.0.2.1")).as("the allow-list ended").isTrue();
    }

    @Test
    void aDeletedRuleIsGoneAndAnOlderEventDoesNotBringItBack() {
        IpRuleState deny = rule("r1", null, IpRuleAction.DENY, "198.51.100.0/24", null);
        apply(deny, 1);
        apply(deny.withStatus(IpRuleStatus.DELETED, NOW, 2), 2);
        assertThat(allows("acme", "198.51.100.7")).isTrue();

        assertThat(index.apply(deny, 1)).isFalse();
        index.commit();
        assertThat(allows("acme", "198.51.100.7")).isTrue();
    }

    @Test
    void changesAreInvisibleUntilCommitted() {
        index.apply(rule("r1", null, IpRuleAction.DENY, "198.51.100.0/24", null), 1);

        assertThat(allows("acme", "198.51.100.7")).isTrue();
        index.commit();
        assertThat(allows("acme", "198.51.100.7")).isFalse();
    }
}
