package io.keygate.eventstore;

import java.util.List;

/**
 * The outcome of a command run by {@link EventStore#execute}.
 *
 * @param state   the aggregate's state after the command (null if it still does not exist)
 * @param version the aggregate's version after the command (0 if it has no events)
 * @param events  the events the command appended, oldest first; empty if it changed nothing
 * @param <S>     state type
 * @param <E>     event type
 */
public record Decision<S, E>(S state, long version, List<E> events) {

    public Decision {
        events = List.copyOf(events);
    }

    /** Whether the command appended events. */
    public boolean changed() {
        return !events.isEmpty();
    }
}
