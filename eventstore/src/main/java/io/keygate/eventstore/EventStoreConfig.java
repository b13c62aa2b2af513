package io.keygate.eventstore;

import io.keygate.events.EventType;
import io.keygate.events.Topic;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Configuration of the event store and its outbox relay ({@code keygate.eventstore.*}). */
@ConfigMapping(prefix = "keygate.eventstore")
public interface EventStoreConfig {

    /** CloudEvents {@code source} of the events this service writes, e.g. {@code /token-service}. */
    String source();

    /** Topics this service publishes to; created at start with the contract settings if missing. */
    Set<Topic> topics();

    /** Replication factor for topics created at start: 3 in production, 1 on a single broker. */
    @WithDefault("3")
    short replicationFactor();

    /** Relay settings. */
    Relay relay();

    /** Group commit of the commands that opt in ({@link EventStore#createGrouped}). */
    GroupCommit groupCommit();

    /** Group commit: commands arriving while a group's transaction is in flight share the next one. */
    interface GroupCommit {

        /** Most commands per group transaction; 1 turns grouping off (each command its own transaction). */
        @WithDefault("64")
        int maxCommands();

        /**
         * Most group transactions in flight at once; commands arriving while that many are wait for the next. Two
         * keep PostgreSQL busy while a group's result travels back, and keep commands moving if one group waits on a
         * lock.
         */
        @WithDefault("2")
        int maxInFlight();

        /**
         * Longest a group's transaction waits for a row lock (PostgreSQL {@code lock_timeout}): past it the group
         * fails and its commands run again alone, so a lock held long blocks only the commands that need it.
         */
        @WithDefault("1s")
        Duration lockTimeout();
    }

    /** The outbox relay. */
    interface Relay {

        /** Whether this instance relays the outbox (one instance at a time does, by advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** Outbox rows published per transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * Least time from one pass's start to the next's: a wake sooner than that waits for it, so under a steady
         * stream of commits a pass publishes what the interval gathered instead of running a transaction per commit
         * (0: a pass per wake). A wake after a quiet spell starts a pass at once.
         */
        @WithDefault("5ms")
        Duration minPassInterval();

        /** Safety-net poll: LISTEN/NOTIFY wakes the relay at once; this catches anything missed. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Event types whose Kafka partition and offset the relay records in {@code event_publication} once the
         * broker acknowledged them (one batched insert per pass); none by default.
         */
        Optional<Set<EventType>> recordPositionsOf();
    }
}
