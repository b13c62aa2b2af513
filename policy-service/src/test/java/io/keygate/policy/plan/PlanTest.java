package io.keygate.policy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanEvent;
import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.policy.PlanRetired;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.PlanUpdated;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.policy.plan.PlanCommand.CreatePlan;
import io.keygate.policy.plan.PlanCommand.RetirePlan;
import io.keygate.policy.plan.PlanCommand.UpdatePlan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String PLAN = "plan_0123456789abcdef0123456789abcdef";
    private static final String API = "api_0123456789abcdef0123456789abcdef";
    private static final PlanAttributes GOLD = new PlanAttributes(
            " gold ",
            "production",
            new PlanRateLimit(100, RateLimitPeriod.SECOND, 20),
            new PlanQuota(1_000_000, QuotaRefill.MONTH),
            null);

    private static PlanState created() {
        return Plan.decide(new CreatePlan(PLAN, "acme", API, GOLD, T0), null)
                .get(0)
                .plan();
    }

    @Test
    void createdPlanIsActiveWithItsLimitsAndATrimmedName() {
        List<PlanEvent> events = Plan.decide(new CreatePlan(PLAN, "acme", API, GOLD, T0), null);

        assertThat(events).singleElement().isInstanceOf(PlanCreated.class);
        PlanState plan = events.get(0).plan();
        assertThat(plan.name()).isEqualTo("gold");
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.rateLimit().burst()).isEqualTo(20);
        assertThat(plan.quota().per()).isEqualTo(QuotaRefill.MONTH);
    }

    @Test
    void aBurstOverTenTimesTheRateIsRefusedNamingTheField() {
        PlanAttributes greedy =
                new PlanAttributes("x", null, new PlanRateLimit(10, RateLimitPeriod.MINUTE, 101), null, null);

        assertThatThrownBy(() -> Plan.decide(new CreatePlan(PLAN, "acme", API, greedy, T0), null))
                .isInstanceOfSatisfying(
                        PlanRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(new PlanRejection.InvalidAttribute(
                                        "rateLimit.burst", "at most ten times rateLimit.requests")));
    }

    @Test
    void updateWithTheSameAttributesChangesNothing() {
        assertThat(Plan.decide(new UpdatePlan(PLAN, "acme", API, GOLD, T0.plusSeconds(1)), created()))
                .isEmpty();
    }

    @Test
    void updateReplacesTheLimits() {
        PlanAttributes slower =
                new PlanAttributes("gold", "production", new PlanRateLimit(10, RateLimitPeriod.SECOND, 0), null, null);

        List<PlanEvent> events = Plan.decide(new UpdatePlan(PLAN, "acme", API, slower, T0.plusSeconds(1)), created());

        assertThat(events).singleElement().isInstanceOf(PlanUpdated.class);
        assertThat(events.get(0).plan().rateLimit().requests()).isEqualTo(10);
        assertThat(events.get(0).plan().quota()).isNull();
        assertThat(events.get(0).plan().updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theRateLimitModeIsKeptUntilAnUpdateChangesIt() {
        PlanAttributes cluster =
                new PlanAttributes("gold", "production", GOLD.rateLimit(), GOLD.quota(), PlanRateLimitMode.CLUSTER);
        PlanState created = Plan.decide(new CreatePlan(PLAN, "acme", API, cluster, T0), null)
                .get(0)
                .plan();
        assertThat(created.rateLimitMode()).isEqualTo(PlanRateLimitMode.CLUSTER);
        assertThat(Plan.decide(new RetirePlan(PLAN, "acme", API, T0.plusSeconds(2)), created)
                        .get(0)
                        .plan()
                        .rateLimitMode())
                .isEqualTo(PlanRateLimitMode.CLUSTER);

        List<PlanEvent> toDefault = Plan.decide(new UpdatePlan(PLAN, "acme", API, GOLD, T0.plusSeconds(1)), created);

        assertThat(toDefault).singleElement().isInstanceOf(PlanUpdated.class);
        assertThat(toDefault.get(0).plan().rateLimitMode()).isNull();
    }

    @Test
    void anotherTenantsOrAnotherApisPlanDoesNotExist() {
        assertThatThrownBy(() -> Plan.decide(new RetirePlan(PLAN, "globex", API, T0), created()))
                .isInstanceOfSatisfying(
                        PlanRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(PlanRejection.NotFound.class));
        assertThatThrownBy(() -> Plan.decide(
                        new RetirePlan(PLAN, "acme", "api_ffffffffffffffffffffffffffffffff", T0), created()))
                .isInstanceOf(PlanRejectedException.class);
    }

    @Test
    void retiredPlanCannotChangeAndRetiringTwiceChangesNothing() {
        List<PlanEvent> retirement = Plan.decide(new RetirePlan(PLAN, "acme", API, T0.plusSeconds(2)), created());
        assertThat(retirement).singleElement().isInstanceOf(PlanRetired.class);
        PlanState retired = retirement.get(0).plan();
        assertThat(retired.retiredAt()).isEqualTo(T0.plusSeconds(2));

        assertThat(Plan.decide(new RetirePlan(PLAN, "acme", API, T0.plusSeconds(3)), retired))
                .isEmpty();
        assertThatThrownBy(() -> Plan.decide(new UpdatePlan(PLAN, "acme", API, GOLD, T0.plusSeconds(3)), retired))
                .isInstanceOfSatisfying(
                        PlanRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(PlanRejection.Retired.class));
    }
}
