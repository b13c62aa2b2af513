package io.keygate.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
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

    /** Runs before the append; fails the command (nothing written) by failing. Checks nothing by default. */
    default Uni<?> check(SqlConnection tx, Decision<S, E> decision) {
        return Uni.createFrom().voidItem();
    }

    /** A writer that checks with {@code check} before it writes with {@code write}. */
    static <S, E> ReadModelWriter<S, E> checked(
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> check,
            BiFunction<SqlConnection, Decision<S, E>, Uni<?>> write) {
        return new ReadModelWriter<>() {
            @Override
            public Uni<?> write(SqlConnection tx, Decision<S, E> decision) {
                return write.apply(tx, decision);
            }

            @Override
            public Uni<?> check(SqlConnection tx, Decision<S, E> decision) {
                return check.apply(tx, decision);
            }
        };
    }
}
