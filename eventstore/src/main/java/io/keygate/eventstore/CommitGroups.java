package io.keygate.eventstore;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive while groups' transactions are in flight (at most
 * {@code keygate.eventstore.group-commit.max-in-flight}) wait for one to end, then commit together in the next one,
 * their statements pipelined on one connection. PostgreSQL then does one transaction's fixed work (begin, commit, the
 * round trips, waking a backend) for the whole group instead of once per command, which is most of what a single-row
 * command costs it. Under no concurrency a group is one command and nothing waits.
 *
 * <p>A group sends its members' checks (each read model's in one {@link ReadModelWriter#checkAll}, which may read
 * what they all need at once), then the events of all members in one multi-row insert (and one outbox insert), then
 * each read model's updates in one {@link ReadModelWriter#writeAll}: a handful of statements per group, not four or
 * five per command.
 *
 * <p>Each command still commits or fails as a whole and alone. When a group's transaction fails:
 * <ul>
 *   <li>because a member's check refused it (anything but the database's or the connection's errors), that member
 *       fails and the others go on as a group without it;
 *   <li>because of anything else a statement met (the group's events clashing with events already written, a lock
 *       wait beyond {@code keygate.eventstore.group-commit.lock-timeout}, a deadlock, a lost connection), every member
 *       runs again in a transaction of its own, exactly as without grouping, and gets its own outcome (a clash: the
 *       member whose events clashed gets its {@link ConcurrencyConflictException});
 *   <li>outside every statement (the pool, begin or commit, whose outcome may be unknown), every member fails with
 *       that error, as it would have alone, and nothing is run again.
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
    private final EventCodec codec = new EventCodec();
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
        // A registry can outlive an application (tests restart Quarkus in one JVM): this one's gauge replaces any left.
        registry.find("keygate.eventstore.commit.group.waiting").gauges().forEach(registry::remove);
        Gauge.builder("keygate.eventstore.commit.group.waiting", waiting::size)
                .description("Commands waiting for the next group-commit transaction")
                .register(registry);
        this.regrouped = Counter.builder("keygate.eventstore.commit.group.retried.alone")
                .description("Commands run again alone because their group's transaction failed")
                .register(registry);
    }

    /**
     * Commits a command in a transaction shared with other commands.
     *
     * @param command its check, events and read-model update
     * @param alone the same command in a transaction of its own, run if the group fails
     * @param committed run after the commit (e.g. wake the outbox relay)
     */
    <S, E> Uni<Void> commit(Command<S, E> command, Supplier<Uni<Void>> alone, Runnable committed) {
        if (maxMembers <= 1) {
            return alone.get();
        }
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Member(command, alone, committed, emitter, Vertx.currentContext()));
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

    private void run(List<Member> candidates) {
        // A member whose events cannot be stored (e.g. JSON holding a NUL) is refused before the transaction.
        EventRows rows = new EventRows(codec);
        List<Member> group = new ArrayList<>(candidates.size());
        for (Member member : candidates) {
            Command<?, ?> command = member.command();
            try {
                rows.add(command.aggregateType(), command.expectedVersion(), command.events());
                group.add(member);
            } catch (RuntimeException refused) {
                member.fail(refused);
            }
        }
        if (group.isEmpty()) {
            groupEnded();
            return;
        }
        sizes.record(group.size());
        List<Writing> byWriter = byWriter(group);
        AtomicReference<Refusal> first = new AtomicReference<>();
        pool.withTransaction(tx -> {
                    List<Uni<?>> all = new ArrayList<>(group.size() + 2);
                    all.add(tx.query(lockTimeout).execute());
                    for (Writing writing : byWriter) {
                        List<Member> members = writing.members();
                        List<Uni<?>> checks;
                        try {
                            checks = checkAll(tx, writing.writer(), members);
                        } catch (RuntimeException broken) {
                            // No member to blame: the group fails as a whole and each runs again alone.
                            all.add(Uni.createFrom()
                                    .failure(broken)
                                    .onFailure()
                                    .invoke(failure -> first.compareAndSet(null, new Refusal(null, failure))));
                            continue;
                        }
                        for (int i = 0; i < members.size(); i++) {
                            Member member = members.get(i);
                            all.add(checks.get(i)
                                    .onFailure()
                                    .invoke(failure -> first.compareAndSet(null, new Refusal(member, failure))));
                        }
                    }
                    all.add(Uni.createFrom()
                            .deferred(() -> writes(tx, byWriter, rows))
                            .onFailure()
                            .invoke(failure -> first.compareAndSet(null, new Refusal(null, failure))));
                    return Uni.combine().all().unis(all).discardItems();
                })
                .subscribe()
                .with(ok -> committed(group), failure -> failed(group, first.get(), failure));
    }

    /** The group's members by read-model writer (the same instance), writers in the order their first member came. */
    private static List<Writing> byWriter(List<Member> group) {
        Map<ReadModelWriter<?, ?>, Writing> byWriter = new IdentityHashMap<>();
        List<Writing> writings = new ArrayList<>();
        for (Member member : group) {
            byWriter.computeIfAbsent(member.command().writer(), writer -> {
                        Writing writing = new Writing(writer, new ArrayList<>());
                        writings.add(writing);
                        return writing;
                    })
                    .members()
                    .add(member);
        }
        return writings;
    }

    /**
     * The group's writes, sent after each member's check has started (a check's later statements, chained on its first
     * one's answer, follow them; a refusal still fails the transaction before it commits): all its events in one insert
     * and one outbox insert, and each read model's updates in one {@link ReadModelWriter#writeAll} (one batch, answered
     * once, for a writer that supports it).
     */
    private static Uni<?> writes(SqlConnection tx, List<Writing> byWriter, EventRows rows) {
        List<Uni<?>> writes = new ArrayList<>();
        writes.add(rows.insertEvents(tx));
        writes.add(rows.insertOutbox(tx));
        if (byWriter.stream()
                .flatMap(writing -> writing.members().stream())
                .anyMatch(member -> member.command().notifyRelay())) {
            writes.add(EventStore.notifyRelay(tx));
        }
        for (Writing writing : byWriter) {
            writes.add(writeAll(tx, writing.writer(), writing.members()));
        }
        return Uni.combine().all().unis(writes).discardItems();
    }

    /** The members' checks by their writer's {@link ReadModelWriter#checkAll}: one per member, in their order. */
    @SuppressWarnings("unchecked")
    private static <S, E> List<Uni<?>> checkAll(SqlConnection tx, ReadModelWriter<S, E> writer, List<Member> members) {
        return writer.checkAll(tx, (List<Decision<S, E>>) (List<?>) decisions(members));
    }

    @SuppressWarnings("unchecked")
    private static <S, E> Uni<?> writeAll(SqlConnection tx, ReadModelWriter<S, E> writer, List<Member> members) {
        return writer.writeAll(tx, (List<Decision<S, E>>) (List<?>) decisions(members));
    }

    private static List<Decision<?, ?>> decisions(List<Member> members) {
        List<Decision<?, ?>> decisions = new ArrayList<>(members.size());
        for (Member member : members) {
            decisions.add(member.command().decision());
        }
        return decisions;
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
        if (first.member() != null && group.size() > 1 && isOwnRefusal(first.failure())) {
            List<Member> others = new ArrayList<>(group);
            others.remove(first.member());
            first.member().fail(first.failure());
            // In the same slot: the others were next in line anyway.
            run(others);
            return;
        }
        if (first.member() != null && group.size() == 1) {
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
     * the connection's errors).
     */
    private static boolean isOwnRefusal(Throwable failure) {
        return !(failure instanceof PgException
                || failure instanceof VertxException
                || failure instanceof IOException
                || failure instanceof TimeoutException);
    }

    /**
     * What a command brings to a group: its check, its events (continuing from {@code expectedVersion}) and its
     * read-model update; {@code notifyRelay} when relays in other processes must be woken by a NOTIFY.
     */
    record Command<S, E>(
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events,
            ReadModelWriter<S, E> writer,
            Decision<S, E> decision,
            boolean notifyRelay) {}

    /** A read-model writer and the group's members whose commands it writes for. */
    private record Writing(ReadModelWriter<?, ?> writer, List<Member> members) {}

    /** The first failure in a group's transaction: a member's (its check), or of the group's writes (no member). */
    private record Refusal(Member member, Throwable failure) {}

    private record Member(
            Command<?, ?> command,
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
