package io.keygate.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a service writes, in the command's transaction, besides the events: a check that runs first (e.g. that
 * a referenced aggregate exists, holding a share lock on its row) and the read-model update. Both are sent
 * with the append on the same connection, so a command costs about one round trip plus the commit.
 *
 * @param <S> state type
 * @param <E> event type
 */
public interface ReadModelWriter<S, E> {

    /** Writes the read model after the command's events. */
    Uni<?> write(SqlConnection tx, Decision<S, E> decision);

    /**
     * Writes the read models of several commands at once (a commit group's, each decision of its own aggregate), in
     * the caller's transaction. By default one {@link #write} per decision; a writer whose table can take them in one
     * statement overrides it.
     */
    default Uni<?> writeAll(SqlConnection tx, List<Decision<S, E>> decisions) {
        return eachAlone(this::write, tx, decisions);
    }

    /** Runs before the append; fails the command (nothing written) by failing. Checks nothing by default. */
    default Uni<?> check(SqlConnection tx, Decision<S, E> decision) {
        return Uni.createFrom().voidItem();
    }

    /**
     * The checks of several commands (a commit group's, each decision of its own aggregate), in the caller's
     * transaction: one {@code Uni} per decision, in their order, sending nothing before it is subscribed to. By default
     * each decision's own {@link #check}; a writer whose checks read the same rows (the same tenant's policy, say)
     * overrides it to read them once for the group and judge each decision on what was read. A decision's
     * {@code Uni} fails with that decision's own refusal, as its {@link #check} would; a failure of a read the
     * decisions share must be the database's or the connection's, which runs every member again alone (so decode
     * what was read in each decision's judgement, not in the shared read).
     */
    default List<Uni<?>> checkAll(SqlConnection tx, List<Decision<S, E>> decisions) {
        List<Uni<?>> checks = new ArrayList<>(decisions.size());
        for (Decision<S, E> decision : decisions) {
            checks.add(Uni.createFrom().deferred(() -> check(tx, decision)));
        }
        return checks;
    }

    /** A writer that checks with {@code check} before it writes with {@code write}, one decision at a time. */
    static <S, E> ReadModelWriter<S, E> checked(
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> check,
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> write) {
        return checked(check, write, (tx, decisions) -> eachAlone(write, tx, decisions));
    }

    /** A writer that checks with {@code check}, writes a decision with {@code write}, a group with {@code writeAll}. */
    static <S, E> ReadModelWriter<S, E> checked(
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> check,
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> write,
            BiFunction<SqlConnection, List<Decision<S, E>>, Uni<?>> writeAll) {
        return new ReadModelWriter<>() {
            @Override
            public Uni<?> write(SqlConnection tx, Decision<S, E> decision) {
                return write.apply(tx, decision);
            }

            @Override
            public Uni<?> writeAll(SqlConnection tx, List<Decision<S, E>> decisions) {
                return writeAll.apply(tx, decisions);
            }

            @Override
            public Uni<?> check(SqlConnection tx, Decision<S, E> decision) {
                return check.apply(tx, decision);
            }
        };
    }

    /** One {@code write} per decision, all sent at once on the connection. */
    private static <S, E> Uni<?> eachAlone(
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> write, SqlConnection tx, List<Decision<S, E>> decisions) {
        List<Uni<?>> writes = new ArrayList<>(decisions.size());
        for (Decision<S, E> decision : decisions) {
            writes.add(write.apply(tx, decision));
        }
        return Uni.combine().all().unis(writes).discardItems();
    }
}
