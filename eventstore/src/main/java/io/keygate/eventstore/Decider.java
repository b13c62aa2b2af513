package io.keygate.eventstore;

import io.keygate.events.KeygateEvent;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate's rules as two pure functions: {@code decide} turns a command and the current state into new
 * events (or none, or a typed rejection thrown), and {@code evolve} applies one event to a state. The state is
 * null before the aggregate's first event. {@link EventStore#execute} runs them against the stored history.
 *
 * @param <C> command type
 * @param <S> state type
 * @param <E> event type of this aggregate
 */
public interface Decider<C, S, E extends KeygateEvent> {

    /** The aggregate type recorded with its events, e.g. {@code api-key}. */
    String aggregateType();

    /** The events the command produces given the state; empty if it changes nothing. */
    List<E> decide(C command, S state);

    /** The state after one event. */
    S evolve(S state, E event);

    /** The state after a history of events, oldest first; null for none. */
    default S replay(List<? extends E> history) {
        S state = null;
        for (E event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    /** A decider from an aggregate's static {@code decide} and {@code evolve} functions. */
    static <C, S, E extends KeygateEvent> Decider<C, S, E> of(
            String aggregateType, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
        return new Decider<>() {
            @Override
            public String aggregateType() {
                return aggregateType;
            }

            @Override
            public List<E> decide(C command, S state) {
                return decide.apply(command, state);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }
}
