package io.keygate.policy.iprule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleEvent;
import io.keygate.events.policy.IpRuleExpired;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.policy.iprule.IpRuleCommand.CreateIpRule;
import io.keygate.policy.iprule.IpRuleCommand.DeleteIpRule;
import io.keygate.policy.iprule.IpRuleCommand.ExpireIpRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String ID = "ipr_0123456789abcdef0123456789abcdef";

    @Test
    void creationNormalisesTheCidrAndStartsActive() {
        List<IpRuleEvent> events = IpRule.decide(create("2001:DB8:0:0::/32", T0.plusSeconds(60)), null);

        assertThat(events).singleElement().isInstanceOfSatisfying(IpRuleCreated.class, created -> {
            assertThat(created.rule().cidr()).isEqualTo("2001:db8::/32");
            assertThat(created.rule().status()).isEqualTo(IpRuleStatus.ACTIVE);
            assertThat(created.rule().version()).isEqualTo(1);
        });
    }

    @Test
    void cidrWithHostBitsIsRefusedNamingTheNetworkMeant() {
        assertThatThrownBy(() -> IpRule.decide(create("10.0.0.1/8", null), null))
                .isInstanceOfSatisfying(
                        IpRuleRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(new IpRuleRejection.InvalidField(
                                        400, "cidr", "has host bits set; did you mean 10.0.0.0/8?")));
    }

    @Test
    void blankReasonIsRefused() {
        CreateIpRule blank =
                new CreateIpRule(ID, IpRuleScope.GLOBAL, null, IpRuleAction.DENY, "10.0.0.0/8", " ", null, T0);
        assertThatThrownBy(() -> IpRule.decide(blank, null))
                .isInstanceOfSatisfying(
                        IpRuleRejectedException.class,
                        e -> assertThat(((IpRuleRejection.InvalidField) e.rejection()).field())
                                .isEqualTo("reason"));
    }

    @Test
    void pastExpiryIsRefusedWith422() {
        assertThatThrownBy(() -> IpRule.decide(create("10.0.0.0/8", T0), null))
                .isInstanceOfSatisfying(
                        IpRuleRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(
                                        new IpRuleRejection.InvalidField(422, "expiresAt", "must be in the future")));
    }

    @Test
    void deletionOfAnActiveRuleEmitsDeletedOnceThenNothing() {
        IpRuleState active = created(null);
        List<IpRuleEvent> first = IpRule.decide(new DeleteIpRule(ID, IpRuleScope.TENANT, "acme", T0), active);

        assertThat(first).singleElement().isInstanceOf(IpRuleDeleted.class);
        assertThat(IpRule.decide(
                        new DeleteIpRule(ID, IpRuleScope.TENANT, "acme", T0),
                        first.get(0).rule()))
                .isEmpty();
    }

    @Test
    void anotherTenantsRuleIsNotFound() {
        assertThatThrownBy(() -> IpRule.decide(new DeleteIpRule(ID, IpRuleScope.TENANT, "other", T0), created(null)))
                .isInstanceOfSatisfying(
                        IpRuleRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(IpRuleRejection.NotFound.class));
    }

    @Test
    void expiryEmitsOnlyOnceTheRuleIsDue() {
        IpRuleState expiring = created(T0.plusSeconds(60));

        assertThat(IpRule.decide(new ExpireIpRule(ID, IpRuleScope.TENANT, "acme", T0.plusSeconds(59)), expiring))
                .isEmpty();
        List<IpRuleEvent> due =
                IpRule.decide(new ExpireIpRule(ID, IpRuleScope.TENANT, "acme", T0.plusSeconds(60)), expiring);
        assertThat(due).singleElement().isInstanceOf(IpRuleExpired.class);
        assertThat(IpRule.decide(
                        new ExpireIpRule(ID, IpRuleScope.TENANT, "acme", T0.plusSeconds(61)),
                        due.get(0).rule()))
                .isEmpty();
    }

    private static CreateIpRule create(String cidr, Instant expiresAt) {
        return new CreateIpRule(ID, IpRuleScope.TENANT, "acme", IpRuleAction.ALLOW, cidr, "office", expiresAt, T0);
    }

    private static IpRuleState created(Instant expiresAt) {
        return IpRule.decide(create("10.0.0.0/8", expiresAt), null).get(0).rule();
    }
}
