package io.keygate.policy.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionCancelled;
import io.keygate.events.policy.SubscriptionEvent;
import io.keygate.events.policy.SubscriptionRejected;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionResumed;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import io.keygate.events.policy.SubscriptionSuspended;
import io.keygate.policy.subscription.SubscriptionCommand.CancelSubscription;
import io.keygate.policy.subscription.SubscriptionCommand.Decide;
import io.keygate.policy.subscription.SubscriptionCommand.Decision;
import io.keygate.policy.subscription.SubscriptionCommand.RequestSubscription;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String SUB = "sub_0123456789abcdef0123456789abcdef";
    private static final String APP = "app_0123456789abcdef0123456789abcdef";
    private static final String API = "api_0123456789abcdef0123456789abcdef";
    private static final String PLAN = "plan_0123456789abcdef0123456789abcdef";
    private static final PlanState GOLD =
            new PlanState(PLAN, "acme", API, "gold", null, null, null, null, PlanStatus.ACTIVE, T0, T0, null);

    private static SubscriptionTarget target(boolean approval) {
        return new SubscriptionTarget(API, "acme", true, true, approval, GOLD);
    }

    private static List<SubscriptionEvent> request(SubscriptionTarget target) {
        return Subscription.decide(new RequestSubscription(SUB, "globex", APP, target, T0), null);
    }

    private static SubscriptionState pending() {
        return request(target(true)).get(0).subscription();
    }

    private static SubscriptionState after(SubscriptionState state, Decision decision, String note) {
        List<SubscriptionEvent> events =
                Subscription.decide(new Decide(SUB, "acme", API, decision, note, T0.plusSeconds(60)), state);
        return events.isEmpty() ? state : events.get(events.size() - 1).subscription();
    }

    @Test
    void requestToAnApiThatNeedsApprovalWaitsPending() {
        List<SubscriptionEvent> events = request(target(true));

        assertThat(events).singleElement().isInstanceOf(SubscriptionRequested.class);
        SubscriptionState state = events.get(0).subscription();
        assertThat(state.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(state.tenantId()).isEqualTo("globex");
        assertThat(state.apiTenantId()).isEqualTo("acme");
        assertThat(state.decidedAt()).isNull();
    }

    @Test
    void requestToAnApiWithoutApprovalIsApprovedInTheSameDecision() {
        List<SubscriptionEvent> events = request(target(false));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(SubscriptionRequested.class);
        assertThat(events.get(1)).isInstanceOf(SubscriptionApproved.class);
        assertThat(events.get(1).subscription().status()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(events.get(1).subscription().note()).isEqualTo(Subscription.AUTOMATIC_APPROVAL);
    }

    @Test
    void requestNamingAnInvisibleRetiredOrForeignPlanIsRefusedNamingTheField() {
        assertRefused(new SubscriptionTarget(API, "acme", true, false, true, GOLD), "apiId");
        assertRefused(null, "apiId");
        assertRefused(new SubscriptionTarget(API, "acme", false, true, true, GOLD), "apiId");
        assertRefused(new SubscriptionTarget(API, "acme", true, true, true, null), "planId");
        PlanState otherApis = new PlanState(
                PLAN,
                "acme",
                "api_ffffffffffffffffffffffffffffffff",
                "x",
                null,
                null,
                null,
                null,
                PlanStatus.ACTIVE,
                T0,
                T0,
                null);
        assertRefused(new SubscriptionTarget(API, "acme", true, true, true, otherApis), "planId");
        PlanState retired =
                new PlanState(PLAN, "acme", API, "x", null, null, null, null, PlanStatus.RETIRED, T0, T0, T0);
        assertRefused(new SubscriptionTarget(API, "acme", true, true, true, retired), "planId");
    }

    private static void assertRefused(SubscriptionTarget target, String field) {
        assertThatThrownBy(() -> request(target))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isInstanceOfSatisfying(
                                        SubscriptionRejection.NotSubscribable.class,
                                        refusal -> assertThat(refusal.field()).isEqualTo(field)));
    }

    @Test
    void ownerApprovesAPendingSubscriptionWithANote() {
        List<SubscriptionEvent> events = Subscription.decide(
                new Decide(SUB, "acme", API, Decision.APPROVE, "  welcome  ", T0.plusSeconds(5)), pending());

        assertThat(events).singleElement().isInstanceOf(SubscriptionApproved.class);
        SubscriptionState approved = events.get(0).subscription();
        assertThat(approved.status()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(approved.note()).isEqualTo("welcome");
        assertThat(approved.decidedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void approvingTwiceChangesNothingTheSecondTime() {
        SubscriptionState approved = after(pending(), Decision.APPROVE, null);

        assertThat(Subscription.decide(new Decide(SUB, "acme", API, Decision.APPROVE, null, T0), approved))
                .isEmpty();
    }

    @Test
    void onlyTheApiOwnerDecides() {
        assertThatThrownBy(() ->
                        Subscription.decide(new Decide(SUB, "globex", API, Decision.APPROVE, null, T0), pending()))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(SubscriptionRejection.NotFound.class));
    }

    @Test
    void rejectingAndSuspendingNeedAReason() {
        assertThatThrownBy(() -> after(pending(), Decision.REJECT, " "))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(SubscriptionRejection.InvalidNote.class));
        SubscriptionState approved = after(pending(), Decision.APPROVE, null);
        assertThatThrownBy(() -> after(approved, Decision.SUSPEND, null))
                .isInstanceOf(SubscriptionRejectedException.class);
    }

    @Test
    void rejectedIsFinal() {
        SubscriptionState rejected = Subscription.decide(
                        new Decide(SUB, "acme", API, Decision.REJECT, "not now", T0), pending())
                .get(0)
                .subscription();
        assertThat(rejected.status()).isEqualTo(SubscriptionStatus.REJECTED);

        assertThatThrownBy(() -> after(rejected, Decision.APPROVE, null))
                .isInstanceOfSatisfying(
                        SubscriptionRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(SubscriptionRejection.InvalidTransition.class));
        assertThatThrownBy(() -> Subscription.decide(new CancelSubscription(SUB, "globex", T0), rejected))
                .isInstanceOf(SubscriptionRejectedException.class);
    }

    @Test
    void suspendThenResumeReturnsToApproved() {
        SubscriptionState approved = after(pending(), Decision.APPROVE, null);
        List<SubscriptionEvent> suspension = Subscription.decide(
                new Decide(SUB, "acme", API, Decision.SUSPEND, "abuse", T0.plusSeconds(9)), approved);
        assertThat(suspension).singleElement().isInstanceOf(SubscriptionSuspended.class);
        SubscriptionState suspended = suspension.get(0).subscription();

        List<SubscriptionEvent> resumption =
                Subscription.decide(new Decide(SUB, "acme", API, Decision.RESUME, null, T0.plusSeconds(10)), suspended);

        assertThat(resumption).singleElement().isInstanceOf(SubscriptionResumed.class);
        assertThat(resumption.get(0).subscription().status()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(resumption.get(0).subscription().decidedAt()).isEqualTo(approved.decidedAt());
    }

    @Test
    void aPendingSubscriptionCannotBeSuspendedOrResumed() {
        assertThatThrownBy(() -> after(pending(), Decision.SUSPEND, "x"))
                .isInstanceOf(SubscriptionRejectedException.class);
        assertThatThrownBy(() -> after(pending(), Decision.RESUME, null))
                .isInstanceOf(SubscriptionRejectedException.class);
    }

    @Test
    void onlyTheSubscriberCancelsAndCancellingTwiceChangesNothing() {
        SubscriptionState approved = after(pending(), Decision.APPROVE, null);
        assertThatThrownBy(() -> Subscription.decide(new CancelSubscription(SUB, "acme", T0), approved))
                .isInstanceOf(SubscriptionRejectedException.class);

        List<SubscriptionEvent> events = Subscription.decide(new CancelSubscription(SUB, "globex", T0), approved);

        assertThat(events).singleElement().isInstanceOf(SubscriptionCancelled.class);
        SubscriptionState cancelled = events.get(0).subscription();
        assertThat(cancelled.status().isLive()).isFalse();
        assertThat(Subscription.decide(new CancelSubscription(SUB, "globex", T0), cancelled))
                .isEmpty();
    }

    @Test
    void rejectedEventCarriesTheReason() {
        List<SubscriptionEvent> events = Subscription.decide(
                new Decide(SUB, "acme", API, Decision.REJECT, "no PII APIs for trials", T0), pending());

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        SubscriptionRejected.class,
                        rejected -> assertThat(rejected.subscription().note()).isEqualTo("no PII APIs for trials"));
    }
}
