package io.keygate.eventstore;

import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.EventType;
import io.keygate.events.KeygateEvent;
import io.keygate.events.UnreadableEventException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The append-only event store. A service's command handler loads an aggregate's events, decides, and
 * appends the new events with {@link #append} inside {@link #inTransaction}, together with its own
 * read-model updates: the events, their outbox rows and the projection commit or fail as one.
 */
@ApplicationScoped
public class EventStore {

    /**
     * Channel the relay LISTENs on; appends NOTIFY it in their transaction (delivered at commit), except those of
     * {@link #appendAndProject} while a relay runs in this process, which wake it directly after the commit.
     */
    static final String OUTBOX_CHANNEL = "keygate_outbox";

    private static final Logger LOG = Logger.getLogger(EventStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final String source;
    private final OutboxWakeup wakeup;
    private final CommitGroups groups;
    private final EventCodec codec = new EventCodec();

    EventStore(Pool pool, EventStoreConfig config, OutboxWakeup wakeup, CommitGroups groups) {
        this.pool = pool;
        this.source = config.source();
        this.wakeup = wakeup;
        this.groups = groups;
    }

    void createSchema(@Observes @Priority(10) StartupEvent startup) {
        pool.query(resource("schema.sql")).execute().await().atMost(Duration.ofSeconds(30));
        String payloadType = pool.query("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'event_store' AND column_name = 'payload'""")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getString("data_type");
        if ("jsonb".equals(payloadType)) {
            // Converting rewrites the table under an exclusive lock: an operator's decision, not a start's.
            LOG.warnf("event_store.payload is jsonb (a store of the first releases): events are published as jsonb "
                    + "renders them, not as they were written. Convert it in a maintenance window: "
                    + "ALTER TABLE event_store ALTER COLUMN payload TYPE json USING payload::json");
        }
    }

    /** Runs {@code work} in one database transaction: committed if its Uni succeeds, rolled back if not. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Runs a command against an aggregate: loads its events, replays them, decides, and appends the new
     * events (stamped with this service's source, {@code at} and {@code correlationId}) together with the
     * writer's check and read-model update in one transaction. A command that decides nothing writes nothing.
     *
     * @return fails with {@link ConcurrencyConflictException} if another command appended to the aggregate
     *         between the load and the append, or with whatever {@code decide} or the writer's check threw
     */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> execute(
            Decider<C, S, E> decider,
            String aggregateId,
            C command,
            Instant at,
            String correlationId,
            ReadModelWriter<S, E> writer) {
        return execute(decider, aggregateId, command, at, correlationId, null, writer);
    }

    /**
     * {@link #execute(Decider, String, Object, Instant, String, ReadModelWriter)} for a command caused by another
     * event (e.g. a policy change bringing a key into line): the new events carry {@code causationId}, so the
     * audit trail links them back to their cause.
     */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> execute(
            Decider<C, S, E> decider,
            String aggregateId,
            C command,
            Instant at,
            String correlationId,
            String causationId,
            ReadModelWriter<S, E> writer) {
        return execute(decider, aggregateId, command, EventMetadata.of(at, correlationId, causationId), writer);
    }

    /**
     * {@link #execute(Decider, String, Object, Instant, String, ReadModelWriter)} with the whole metadata of the new
     * events, including who caused them and from which client address (CloudEvents {@code actor}, {@code clientip}).
     */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> execute(
            Decider<C, S, E> decider,
            String aggregateId,
            C command,
            EventMetadata metadata,
            ReadModelWriter<S, E> writer) {
        return load(aggregateId).chain(history -> {
            @SuppressWarnings("unchecked")
            List<E> past = history.stream().map(event -> (E) event.data()).toList();
            return decideAndAppend(decider, decider.replay(past), past.size(), command, metadata, writer, false);
        });
    }

    /**
     * Runs the command that creates an aggregate whose id was just generated, so it has no history to load:
     * one round trip fewer than {@link #execute}. If the id did exist, the append fails with a conflict.
     */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> create(
            Decider<C, S, E> decider, C command, Instant at, String correlationId, ReadModelWriter<S, E> writer) {
        return create(decider, command, EventMetadata.of(at, correlationId, null), writer);
    }

    /** {@link #create(Decider, Object, Instant, String, ReadModelWriter)} with the whole metadata of the events. */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> create(
            Decider<C, S, E> decider, C command, EventMetadata metadata, ReadModelWriter<S, E> writer) {
        return decideAndAppend(decider, null, 0, command, metadata, writer, false);
    }

    /**
     * {@link #create(Decider, Object, EventMetadata, ReadModelWriter)} in a transaction shared with the other grouped
     * creates that arrive while one is in flight (group commit, see {@link CommitGroups}): for a command issued at a
     * high rate whose check does not depend on what other commands write before they commit. It still commits or fails
     * as a whole, and alone.
     */
    public <C, S, E extends KeygateEvent> Uni<Decision<S, E>> createGrouped(
            Decider<C, S, E> decider, C command, EventMetadata metadata, ReadModelWriter<S, E> writer) {
        return decideAndAppend(decider, null, 0, command, metadata, writer, true);
    }

    /**
     * Appends events decided outside {@link #execute} (e.g. the endings of a user's sessions, decided from their read
     * model inside the transaction that disables the user, or a fact that is its own one-event aggregate) in the
     * caller's transaction, stamped like {@code execute} stamps them: this service's source, fresh ids, sequences
     * from {@code expectedVersion + 1} on, and the metadata.
     *
     * @return fails with {@link ConcurrencyConflictException} if another writer appended first
     */
    public Uni<Void> appendDecided(
            SqlConnection tx,
            String aggregateType,
            long expectedVersion,
            List<? extends KeygateEvent> events,
            EventMetadata metadata) {
        return append(tx, aggregateType, expectedVersion, stamp(expectedVersion, events, metadata));
    }

    private List<EventEnvelope<KeygateEvent>> stamp(
            long version, List<? extends KeygateEvent> events, EventMetadata metadata) {
        List<EventEnvelope<KeygateEvent>> envelopes = new ArrayList<>();
        long sequence = version;
        for (KeygateEvent event : events) {
            EventEnvelope<KeygateEvent> envelope = EventEnvelope.create(
                    source, ++sequence, metadata.at(), metadata.correlationId(), metadata.causationId(), event);
            envelopes.add(envelope.withOrigin(metadata.actor(), metadata.clientIp()));
        }
        return envelopes;
    }

    private <C, S, E extends KeygateEvent> Uni<Decision<S, E>> decideAndAppend(
            Decider<C, S, E> decider,
            S state,
            long version,
            C command,
            EventMetadata metadata,
            ReadModelWriter<S, E> writer,
            boolean grouped) {
        List<E> events = decider.decide(command, state);
        if (events.isEmpty()) {
            return Uni.createFrom().item(new Decision<>(state, version, events));
        }
        List<EventEnvelope<KeygateEvent>> envelopes = stamp(version, events, metadata);
        S next = state;
        for (E event : events) {
            next = decider.evolve(next, event);
        }
        Decision<S, E> decision = new Decision<>(next, version + events.size(), events);
        Function<SqlConnection, Uni<?>> check = tx -> writer.check(tx, decision);
        Function<SqlConnection, Uni<?>> write = tx -> writer.write(tx, decision);
        Uni<Void> committed;
        if (grouped) {
            boolean wakeLocally = wakeup.hasLocalRelay();
            committed = groups.commit(
                    new CommitGroups.Command<>(
                            decider.aggregateType(), version, envelopes, writer, decision, !wakeLocally),
                    () -> appendAndProject(decider.aggregateType(), version, envelopes, check, write),
                    wakeLocally ? wakeup::wakeLocalRelay : () -> {});
        } else {
            committed = appendAndProject(decider.aggregateType(), version, envelopes, check, write);
        }
        return committed.replaceWith(decision);
    }

    /** The events of an aggregate, oldest first; empty if it does not exist. */
    public Uni<List<EventEnvelope<KeygateEvent>>> load(String aggregateId) {
        return pool.preparedQuery("""
                        SELECT event_id, event_type, source, version, occurred_at, correlation_id, causation_id,
                            actor, client_ip, payload::text AS payload
                        FROM event_store WHERE aggregate_id = $1 ORDER BY version""").execute(Tuple.of(aggregateId)).map(rows -> {
            List<EventEnvelope<KeygateEvent>> events = new ArrayList<>();
            rows.forEach(row -> events.add(toEnvelope(row)));
            return events;
        });
    }

    /**
     * Appends events to an aggregate and queues them for publication, in the caller's transaction.
     *
     * @param expectedVersion the version the command decided on (0 for a new aggregate); each event's
     *                        sequence must continue from it
     * @return fails with {@link ConcurrencyConflictException} if another writer appended first
     */
    public Uni<Void> append(
            SqlConnection tx,
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events) {
        return append(tx, aggregateType, expectedVersion, events, true);
    }

    /**
     * {@link #append(SqlConnection, String, long, List)}, sending the relay's NOTIFY only if {@code notifyRelay}: a
     * caller that owns the transaction and wakes the local relay after the commit skips it.
     */
    private Uni<Void> append(
            SqlConnection tx,
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events,
            boolean notifyRelay) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventRows rows = new EventRows(codec).add(aggregateType, expectedVersion, events);
        String aggregateId = events.get(0).subject();
        // Sent together (the connection pipelines them) and executed in order: one round trip, not three.
        // If the events clash on (aggregate_id, version), the statements after them fail too, and the
        // conflict, answered first, is what the caller sees.
        Uni<?> insertEvents = rows.insertEvents(tx)
                .onFailure(EventStore::isUniqueViolation)
                .transform(e -> new ConcurrencyConflictException(aggregateId, expectedVersion));
        Uni<?> insertOutbox = rows.insertOutbox(tx);
        if (!notifyRelay) {
            return Uni.combine().all().unis(insertEvents, insertOutbox).discardItems();
        }
        return Uni.combine()
                .all()
                .unis(insertEvents, insertOutbox, notifyRelay(tx))
                .discardItems();
    }

    /** Wakes the relays listening in other processes when the transaction commits. */
    static Uni<?> notifyRelay(SqlConnection tx) {
        return tx.query("NOTIFY " + OUTBOX_CHANNEL).execute();
    }

    /**
     * Appends events and applies the caller's read-model update in one new transaction, sending the
     * update's statements together with the append's so the whole command costs about one round trip
     * plus the commit.
     *
     * @param readModelUpdate statements on the transaction's connection, e.g. a projection upsert
     * @return fails with {@link ConcurrencyConflictException} if another writer appended first
     */
    public Uni<Void> appendAndProject(
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events,
            Function<SqlConnection, Uni<?>> readModelUpdate) {
        return appendAndProject(
                aggregateType, expectedVersion, events, tx -> Uni.createFrom().voidItem(), readModelUpdate);
    }

    /**
     * As {@link #appendAndProject(String, long, List, Function)}, with a check that runs first in the same
     * transaction (e.g. that a referenced aggregate exists, holding a share lock on its row). Its statements
     * are sent ahead of the append's; if it fails, its failure is the command's and nothing is written.
     */
    public Uni<Void> appendAndProject(
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events,
            Function<SqlConnection, Uni<?>> precondition,
            Function<SqlConnection, Uni<?>> readModelUpdate) {
        // With a relay in this process, it is woken after the commit instead of by a NOTIFY in the transaction.
        boolean wakeLocally = wakeup.hasLocalRelay();
        Uni<Void> committed = inTransaction(tx ->
                statements(tx, aggregateType, expectedVersion, events, precondition, readModelUpdate, !wakeLocally));
        return wakeLocally ? committed.invoke(wakeup::wakeLocalRelay) : committed;
    }

    /** A command's statements, sent together: its check first, then the append, then the read-model update. */
    private Uni<Void> statements(
            SqlConnection tx,
            String aggregateType,
            long expectedVersion,
            List<? extends EventEnvelope<? extends KeygateEvent>> events,
            Function<SqlConnection, Uni<?>> precondition,
            Function<SqlConnection, Uni<?>> readModelUpdate,
            boolean notifyRelay) {
        return Uni.combine()
                .all()
                .unis(
                        precondition.apply(tx),
                        append(tx, aggregateType, expectedVersion, events, notifyRelay),
                        readModelUpdate.apply(tx))
                .discardItems();
    }

    /**
     * The event's JSON, refused if it holds a NUL character ({@code \\u0000}): the json column would keep it (jsonb and
     * text refuse it), and consumers that store text could not; the command fails instead of publishing it.
     */
    static byte[] storable(byte[] json) {
        for (int i = 0; i + 5 < json.length; i++) {
            if (json[i] == '\\'
                    && json[i + 1] == 'u'
                    && json[i + 2] == '0'
                    && json[i + 3] == '0'
                    && json[i + 4] == '0'
                    && json[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i; j >= 0 && json[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    throw new IllegalArgumentException(
                            "Event data holds a NUL character (\\u0000), which is not stored");
                }
            }
        }
        return json;
    }

    /** The envelope of a stored event row; the query must select the payload as text ({@code payload::text}). */
    EventEnvelope<KeygateEvent> toEnvelope(Row row) {
        String type = row.getString("event_type");
        EventType eventType = EventType.ofType(type)
                .orElseThrow(() -> new UnreadableEventException("Unknown stored event type " + type));
        KeygateEvent data =
                codec.fromJson(row.getString("payload").getBytes(StandardCharsets.UTF_8), eventType.recordClass());
        return new EventEnvelope<>(
                row.getUUID("event_id"),
                row.getString("source"),
                row.getLong("version"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("correlation_id"),
                row.getString("causation_id"),
                data,
                row.getString("actor"),
                row.getString("client_ip"));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    static String resource(String name) {
        try (InputStream in = EventStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
