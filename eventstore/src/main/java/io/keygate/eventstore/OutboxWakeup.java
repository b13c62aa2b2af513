package io.keygate.eventstore;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How a transaction that filled the outbox wakes this instance's relay without a NOTIFY: set by {@link OutboxRelay}
 * when it runs here, asked by {@link EventStore} after a command's commit.
 *
 * <p>Every transaction that runs {@code NOTIFY} takes one cluster-wide lock while it commits, so concurrent commands
 * that each notified committed one at a time. The command path therefore notifies only when no relay runs in this
 * process; the relay of another replica finds those rows on its next pass or poll.
 */
@ApplicationScoped
public class OutboxWakeup {

    private volatile Runnable localRelay;

    /** Whether a relay runs in this process (so a command need not NOTIFY). */
    public boolean hasLocalRelay() {
        return localRelay != null;
    }

    /** Wakes this process's relay, if one runs. */
    public void wakeLocalRelay() {
        Runnable relay = localRelay;
        if (relay != null) {
            relay.run();
        }
    }

    void register(Runnable relay) {
        this.localRelay = relay;
    }

    void unregister() {
        this.localRelay = null;
    }
}
