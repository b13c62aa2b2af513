package io.keygate.policy.subscription.service;

import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.SubscriptionEvent;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.plan.store.PlanProjection;
import io.keygate.policy.subscription.Subscription;
import io.keygate.policy.subscription.SubscriptionCommand;
import io.keygate.policy.subscription.SubscriptionCommand.CancelSubscription;
import io.keygate.policy.subscription.SubscriptionCommand.Decide;
import io.keygate.policy.subscription.SubscriptionCommand.RequestSubscription;
import io.keygate.policy.subscription.SubscriptionIds;
import io.keygate.policy.subscription.SubscriptionRejectedException;
import io.keygate.policy.subscription.SubscriptionRejection;
import io.keygate.policy.subscription.SubscriptionTarget;
import io.keygate.policy.subscription.store.SubscriptionProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Handles subscription commands. A request reads the API and plan it names to decide; its transaction then
 * holds share locks on both rows and re-checks they are still active, so a subscription never slips in as its
 * API or plan is retired. A second live subscription for the same application and API fails on the read
 * model's unique index in the same transaction (409).
 */
@ApplicationScoped
public class SubscriptionService {

    private final EventStore store;
    private final ApiProjection apis;
    private final PlanProjection plans;
    private final ReadModelWriter<SubscriptionState, SubscriptionEvent> requestWriter;
    private final ReadModelWriter<SubscriptionState, SubscriptionEvent> writer;
    private final Clock clock = Clock.systemUTC();

    SubscriptionService(EventStore store, SubscriptionProjection projection, ApiProjection apis, PlanProjection plans) {
        this.store = store;
        this.apis = apis;
        this.plans = plans;
        this.writer = (tx, decision) -> projection.upsert(tx, decision.state(), decision.version());
        this.requestWriter = ReadModelWriter.checked(
                (tx, decision) -> {
                    SubscriptionState requested = decision.state();
                    Uni<ApiStatus> api = apis.lockStatus(tx, requested.apiTenantId(), requested.apiId());
                    Uni<PlanStatus> plan = plans.lockStatus(tx, requested.apiId(), requested.planId());
                    return Uni.combine().all().unis(api, plan).asTuple().invoke(statuses -> {
                        if (statuses.getItem1() != ApiStatus.ACTIVE) {
                            throw new SubscriptionRejectedException(
                                    new SubscriptionRejection.NotSubscribable("apiId", "the API is retired"));
                        }
                        if (statuses.getItem2() != PlanStatus.ACTIVE) {
                            throw new SubscriptionRejectedException(
                                    new SubscriptionRejection.NotSubscribable("planId", "the plan is retired"));
                        }
                    });
                },
                writer::write);
    }

    /** An application of the tenant asks to use an API (its tenant's, or a public one) under one of its plans. */
    public Uni<SubscriptionState> request(
            String tenantId, String applicationId, String apiId, String planId, String correlationId) {
        Uni<SubscriptionTarget> target = apis.findVisibleTo(tenantId, apiId)
                .chain(api -> api == null
                        ? Uni.createFrom().nullItem()
                        : plans.find(apiId, planId)
                                .map(plan -> new SubscriptionTarget(
                                        api.apiId(),
                                        api.tenantId(),
                                        api.acceptsChanges(),
                                        true,
                                        api.subscriptionApproval(),
                                        plan)));
        return target.chain(found -> store.create(
                                Subscription.DECIDER,
                                new RequestSubscription(SubscriptionIds.newId(), tenantId, applicationId, found, now()),
                                now(),
                                correlationId,
                                requestWriter)
                        .onFailure(SubscriptionProjection::isLivePairTaken)
                        .transform(e -> new SubscriptionRejectedException(
                                new SubscriptionRejection.Duplicate(applicationId, apiId))))
                .map(Decision::state);
    }

    /** The API's owner approves, rejects, suspends or resumes a subscription to it. */
    public Uni<SubscriptionState> decide(
            String apiTenantId,
            String apiId,
            String subscriptionId,
            SubscriptionCommand.Decision decision,
            String note,
            String correlationId) {
        return execute(new Decide(subscriptionId, apiTenantId, apiId, decision, note, now()), correlationId);
    }

    /** The subscribing tenant ends its subscription. */
    public Uni<SubscriptionState> cancel(String tenantId, String subscriptionId, String correlationId) {
        return execute(new CancelSubscription(subscriptionId, tenantId, now()), correlationId);
    }

    private Uni<SubscriptionState> execute(SubscriptionCommand command, String correlationId) {
        return store.execute(Subscription.DECIDER, command.subscriptionId(), command, now(), correlationId, writer)
                .map(Decision::state);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
