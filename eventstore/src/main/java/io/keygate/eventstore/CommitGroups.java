package io.keygate.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive while groups' transactions are in flight (at most
 * {@code keygate.eventstore.group-commit.max-in-flight}) wait for one to end, then commit together in the next one,
 * their statements pipelined on one connection. PostgreSQL then does one transaction's fixed work (begin, commit, the
 * round trips, waking a backend) for the whole group instead of once per command, which is most of what a single-row
 * command costs it. Under no concurrency a group is one command and nothing waits.
 *
 * <p>Each command still commits or fails as a whole and alone. When a group's transaction fails:
 * <ul>
 *   <li>because a member refused itself (its check threw, or its events clashed with ones already written: what it
 *       would have met alone), that member fails and the others go on as a group without it;
 *   <li>because of anything else a member's statement met (a lock wait beyond
 *       {@code keygate.eventstore.group-commit.lock-timeout}, a deadlock, a lost connection), every member runs again
 *       in a transaction of its own, exactly as without grouping, and gets its own outcome;
 *   <li>outside every member's statements (the pool, begin or commit, whose outcome may be unknown), every member
 *       fails with that error, as it would have alone, and nothing is run again.
 * </ul>
 * Members resume on the Vert.x context they came from.
 *
 * <p>Only for commands whose statements do not depend on another command's uncommitted writes (those that create an
 * aggregate under a fresh id): members see each other's writes before they commit.
 */
@ApplicationScoped
class CommitGroups {

    private final Pool pool;
    private final int maxMembers;
    private final int maxInFlight;
    private final String lockTimeout;
    private final Queue<Member> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DistributionSummary sizes;
    private final Counter regrouped;

    CommitGroups(Pool pool, EventStoreConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.maxMembers = config.groupCommit().maxCommands();
        this.maxInFlight = config.groupCommit().maxInFlight();
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("keygate.eventstore.group-commit.max-in-flight must be at least 1");
        }
        this.lockTimeout = "SET LOCAL lock_timeout = '"
                + config.groupCommit().lockTimeout().toMillis() + "ms'";
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
     * @param committed run after the commit (e.g. wake the outbox relay)
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
        AtomicReference<Refusal> first = new AtomicReference<>();
        pool.withTransaction(tx -> {
                    List<Uni<?>> all = new ArrayList<>(group.size() + 1);
                    all.add(tx.query(lockTimeout).execute());
                    for (Member member : group) {
                        all.add(Uni.createFrom()
                                .deferred(() -> member.statements().apply(tx))
                                .onFailure()
                                .invoke(failure -> first.compareAndSet(null, new Refusal(member, failure))));
                    }
                    return Uni.combine().all().unis(all).discardItems();
                })
                .subscribe()
                .with(ok -> committed(group), failure -> failed(group, first.get(), failure));
    }

    private void committed(List<Member> group) {
        try {
            group.forEach(Member::succeed);
        } finally {
            groupEnded();
        }
    }

    private void failed(List<Member> group, Refusal first, Throwable failure) {
        if (first == null) {
            try {
                group.forEach(member -> member.fail(failure));
            } finally {
                groupEnded();
            }
            return;
        }
        if (group.size() > 1 && isOwnRefusal(first.failure())) {
            List<Member> others = new ArrayList<>(group);
            others.remove(first.member());
            first.member().fail(first.failure());
            // In the same slot: the others were next in line anyway.
            run(others);
            return;
        }
        if (group.size() == 1) {
            try {
                first.member().fail(first.failure());
            } finally {
                groupEnded();
            }
            return;
        }
        regrouped.increment(group.size());
        try {
            group.forEach(Member::runAlone);
        } finally {
            groupEnded();
        }
    }

    private void groupEnded() {
        inFlight.decrementAndGet();
        startNextGroup();
    }

    /**
     * Whether a member's failure is one it would have met alone: its check refused it (anything but the database's or
     * the connection's errors), or its events clashed with events already written.
     */
    private static boolean isOwnRefusal(Throwable failure) {
        return failure instanceof ConcurrencyConflictException
                || !(failure instanceof PgException
                        || failure instanceof VertxException
                        || failure instanceof IOException
                        || failure instanceof TimeoutException);
    }

    private record Refusal(Member member, Throwable failure) {}

    private record Member(
            Function<SqlConnection, Uni<?>> statements,
            Supplier<Uni<Void>> alone,
            Runnable committed,
            UniEmitter<? super Void> emitter,
            Context context) {

        void succeed() {
            committed.run();
            onOwnContext(() -> emitter.complete(null));
        }

        void fail(Throwable failure) {
            onOwnContext(() -> emitter.fail(failure));
        }

        void runAlone() {
            onOwnContext(() -> alone.get().subscribe().with(emitter::complete, emitter::fail));
        }

        private void onOwnContext(Runnable action) {
            Runnable guarded = () -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            };
            if (context == null || context == Vertx.currentContext()) {
                guarded.run();
            } else {
                context.runOnContext(ignored -> guarded.run());
            }
        }
    }
}
