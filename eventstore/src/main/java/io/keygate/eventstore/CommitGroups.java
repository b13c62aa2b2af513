package io.keygate.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive while groups' transactions are in flight (at most
 * {@code keygate.eventstore.group-commit.max-in-flight}) wait for one to end, then commit together in the next one,
 * their statements pipelined on one connection. PostgreSQL then does one transaction's fixed work (begin,
 * commit, the round trips, waking a backend) for the whole group instead of once per command, which is most of what a
 * single-row command costs it. Under no concurrency a group is one command and nothing waits.
 *
 * <p>Each command still commits or fails as a whole and alone: if a group's transaction fails (a member's check
 * refused it, a key clashed), every member runs again in a transaction of its own, exactly as without grouping, and
 * gets its own outcome; a failure is never shared. Members resume on the Vert.x context they came from.
 *
 * <p>Only for commands whose statements do not depend on another command's uncommitted writes (those that create an
 * aggregate under a fresh id): members see each other's writes before they commit.
 */
@ApplicationScoped
class CommitGroups {

    private final Pool pool;
    private final int maxMembers;
    private final int maxInFlight;
    private final Queue<Member> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DistributionSummary sizes;
    private final Counter regrouped;

    CommitGroups(Pool pool, EventStoreConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.maxMembers = config.groupCommit().maxCommands();
        this.maxInFlight = config.groupCommit().maxInFlight();
        this.sizes = DistributionSummary.builder("keygate.eventstore.commit.group.commands")
                .description("Commands committed per group-commit transaction")
                .register(registry);
        this.regrouped = Counter.builder("keygate.eventstore.commit.group.retried.alone")
                .description("Commands run again alone because their group's transaction failed")
                .register(registry);
    }

    /**
     * Commits {@code statements} in a transaction shared with other commands.
     *
     * @param statements the command's statements on the group's connection (check, events, read model)
     * @param alone the same command in a transaction of its own, run if the group fails
     * @param committed run once per committed group, after the commit (e.g. wake the outbox relay)
     */
    Uni<Void> commit(Function<SqlConnection, Uni<?>> statements, Supplier<Uni<Void>> alone, Runnable committed) {
        if (maxMembers <= 1) {
            return alone.get();
        }
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Member(statements, alone, committed, emitter, Vertx.currentContext()));
            startNextGroup();
        });
    }

    /** Starts a group with the waiting commands unless enough are in flight (each starts the next when it ends). */
    private void startNextGroup() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Member> group = new ArrayList<>();
            for (Member member = waiting.poll();
                    member != null;
                    member = group.size() < maxMembers ? waiting.poll() : null) {
                group.add(member);
            }
            if (!group.isEmpty()) {
                run(group);
                return;
            }
            inFlight.decrementAndGet();
        }
    }

    private void run(List<Member> group) {
        sizes.record(group.size());
        pool.withTransaction(tx -> {
                    List<Uni<?>> all = new ArrayList<>(group.size());
                    for (Member member : group) {
                        all.add(Uni.createFrom()
                                .deferred(() -> member.statements().apply(tx)));
                    }
                    return Uni.combine().all().unis(all).discardItems();
                })
                .subscribe()
                .with(
                        ok -> {
                            inFlight.decrementAndGet();
                            startNextGroup();
                            group.get(0).committed().run();
                            group.forEach(Member::succeed);
                        },
                        failure -> {
                            inFlight.decrementAndGet();
                            startNextGroup();
                            if (group.size() == 1) {
                                group.get(0).fail(failure);
                            } else {
                                regrouped.increment(group.size());
                                group.forEach(Member::runAlone);
                            }
                        });
    }

    private record Member(
            Function<SqlConnection, Uni<?>> statements,
            Supplier<Uni<Void>> alone,
            Runnable committed,
            UniEmitter<? super Void> emitter,
            Context context) {

        void succeed() {
            onOwnContext(() -> emitter.complete(null));
        }

        void fail(Throwable failure) {
            onOwnContext(() -> emitter.fail(failure));
        }

        void runAlone() {
            onOwnContext(() -> alone.get().subscribe().with(emitter::complete, emitter::fail));
        }

        private void onOwnContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }
}
