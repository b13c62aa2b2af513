package io.keygate.audit.event.store;

import io.keygate.audit.chain.ChainHasher;
import io.keygate.audit.chain.ChainLink;
import io.keygate.audit.config.AuditConfig;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.CallRecordRow;
import io.keygate.audit.event.DeadLetter;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the trail: per batch, one transaction for its call records and dead letters and one for its audit entries
 * (extending each tenant's hash chain). Every insert is idempotent, so a replayed batch adds nothing twice, and the chain heads
 * are locked while a batch extends them, so replicas of the service extend a chain one batch at a time.
 */
@ApplicationScoped
public class AuditEventStore {

    /** Before the messaging channels start (LIBRARY_BEFORE), so no batch arrives before the tables exist. */
    static final int SCHEMA_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 10;

    static final String ENTRY_COLUMNS = "chain, chain_seq, event_id, topic, type, subject, tenant_id, sequence,"
            + " source, occurred_at, correlation_id, causation_id, actor, action, target, outcome, client_ip, data";

    private static final String INSERT_ENTRIES = "INSERT INTO audit_entry (" + ENTRY_COLUMNS
            + ", prev_hash, entry_hash) SELECT " + ENTRY_COLUMNS + ", decode(prev_hex, 'hex'), decode(hash_hex, 'hex')"
            + " FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::bigint[], $9::text[], $10::timestamptz[], $11::text[], $12::text[], $13::text[], $14::text[],"
            + " $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[]) AS e(" + ENTRY_COLUMNS
            + ", prev_hex, hash_hex)";

    private static final String CALL_COLUMNS = "event_id, occurred_at, tenant_id, key_id, route_id, gateway_id,"
            + " request_id, method, path, status, outcome, client_ip, duration_micros, bytes_in, bytes_out";

    private static final String INSERT_CALLS = "INSERT INTO call_record (" + CALL_COLUMNS + ") SELECT * FROM"
            + " unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::bigint[], $14::bigint[],"
            + " $15::bigint[]) ON CONFLICT DO NOTHING";

    private static final String INSERT_DEAD_LETTERS = "INSERT INTO audit_dead_letter (topic, partition, \"offset\","
            + " record_key, record_value, headers, reason, record_time) SELECT t, p, o, decode(k, 'base64'),"
            + " decode(v, 'base64'), h::jsonb, r, rt FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[],"
            + " $5::text[], $6::text[], $7::text[], $8::timestamptz[]) AS d(t, p, o, k, v, h, r, rt)"
            + " ON CONFLICT DO NOTHING";

    private final Pool pool;
    private final CallPartitions partitions;
    private final Duration callRetention;
    private final Clock clock;

    @Inject
    AuditEventStore(Pool pool, AuditConfig config) {
        this(pool, config.calls().retention(), Clock.systemUTC());
    }

    AuditEventStore(Pool pool, Duration callRetention, Clock clock) {
        this.pool = pool;
        this.callRetention = callRetention;
        this.clock = clock;
        this.partitions = new CallPartitions(pool);
    }

    void createSchema(@Observes @Priority(SCHEMA_PRIORITY) StartupEvent startup) {
        pool.query(resource("/io/keygate/audit/schema.sql")).execute().await().atMost(Duration.ofSeconds(30));
    }

    /** The day partitions of {@code call_record}. */
    public CallPartitions partitions() {
        return partitions;
    }

    /**
     * Stores one batch: {@link #writeCalls} then {@link #appendEntries}, each in its own transaction (both idempotent,
     * so a crash between them is repaired by the replay).
     */
    public Uni<WriteResult> write(List<AuditEvent> entries, List<CallRecordRow> calls, List<DeadLetter> deadLetters) {
        return writeCalls(calls, deadLetters)
                .chain(result -> appendEntries(entries)
                        .map(stored -> new WriteResult(
                                stored,
                                entries.size() - stored,
                                result.callsStored(),
                                result.callsDuplicate(),
                                result.callsPastRetention(),
                                result.deadLetters())));
    }

    /**
     * Stores call records (those older than the retention are skipped) and dead letters in one transaction. Batches
     * may be written concurrently: nothing here depends on order.
     */
    public Uni<WriteResult> writeCalls(List<CallRecordRow> calls, List<DeadLetter> deadLetters) {
        if (calls.isEmpty() && deadLetters.isEmpty()) {
            return Uni.createFrom().item(new WriteResult(0, 0, 0, 0, 0, 0));
        }
        LocalDate oldestKept = LocalDate.ofInstant(clock.instant().minus(callRetention), ZoneOffset.UTC);
        List<CallRecordRow> kept = new ArrayList<>(calls.size());
        for (CallRecordRow call : calls) {
            if (!LocalDate.ofInstant(call.occurredAt(), ZoneOffset.UTC).isBefore(oldestKept)) {
                kept.add(call);
            }
        }
        int pastRetention = calls.size() - kept.size();
        Set<LocalDate> days = new TreeSet<>();
        kept.forEach(call -> days.add(LocalDate.ofInstant(call.occurredAt(), ZoneOffset.UTC)));
        return partitions
                .ensure(days)
                .chain(() -> pool.withTransaction(tx -> insertDeadLetters(tx, deadLetters)
                        .chain(dead -> insertCalls(tx, kept)
                                .map(stored ->
                                        new WriteResult(0, 0, stored, kept.size() - stored, pastRetention, dead)))));
    }

    /**
     * Appends audit entries to their chains in one transaction; entries already stored are left as they are. Call it
     * for one batch at a time, in the order batches were read, so each chain follows the order of its topic
     * partitions (replicas are kept apart by the head locks).
     *
     * @return how many entries were new
     */
    public Uni<Integer> appendEntries(List<AuditEvent> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> appendEntries(tx, entries));
    }

    private Uni<Integer> appendEntries(SqlConnection tx, List<AuditEvent> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // A batch may hold the same event twice (a producer retry): keep the first.
        Map<UUID, AuditEvent> unique = new LinkedHashMap<>();
        entries.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        String[] chains =
                new TreeSet<>(unique.values().stream().map(AuditEvent::chain).toList()).toArray(String[]::new);
        UUID[] ids = unique.keySet().toArray(UUID[]::new);
        String genesis = ChainHasher.hex(ChainHasher.GENESIS);
        return tx.preparedQuery("INSERT INTO audit_chain_head (chain, last_seq, last_hash) SELECT c, 0,"
                        + " decode($2, 'hex') FROM unnest($1::text[]) AS c ON CONFLICT DO NOTHING")
                .execute(Tuple.of(chains, genesis))
                // In chain order, so two replicas locking overlapping chains cannot deadlock.
                .chain(() -> tx.preparedQuery("SELECT chain, last_seq, encode(last_hash, 'hex') AS last_hash FROM"
                                + " audit_chain_head WHERE chain = ANY($1) ORDER BY chain FOR UPDATE")
                        .execute(Tuple.of((Object) chains)))
                .chain(heads -> tx.preparedQuery("SELECT event_id FROM audit_entry WHERE event_id = ANY($1)")
                        .execute(Tuple.of((Object) ids))
                        .chain(stored -> {
                            Set<UUID> known = new HashSet<>();
                            stored.forEach(row -> known.add(row.getUUID("event_id")));
                            List<AuditEvent> linked = link(heads, unique.values(), known);
                            if (linked.isEmpty()) {
                                return Uni.createFrom().item(0);
                            }
                            return tx.preparedQuery(INSERT_ENTRIES)
                                    .execute(entryArrays(linked))
                                    .chain(() -> updateHeads(tx, linked))
                                    .replaceWith(linked.size());
                        }));
    }

    /** Places each new entry after its chain's head, in batch order. */
    private static List<AuditEvent> link(RowSet<Row> heads, Iterable<AuditEvent> entries, Set<UUID> known) {
        Map<String, ChainLink> last = new HashMap<>();
        heads.forEach(row -> last.put(
                row.getString("chain"),
                new ChainLink(row.getString("chain"), row.getLong("last_seq"), null, row.getString("last_hash"))));
        ChainHasher hasher = new ChainHasher();
        List<AuditEvent> linked = new ArrayList<>();
        for (AuditEvent event : entries) {
            if (known.contains(event.eventId())) {
                continue;
            }
            ChainLink head = last.get(event.chain());
            long sequence = head.sequence() + 1;
            byte[] hash = hasher.hash(ChainHasher.fromHex(head.entryHash()), event.chain(), sequence, event);
            ChainLink link = new ChainLink(event.chain(), sequence, head.entryHash(), ChainHasher.hex(hash));
            last.put(event.chain(), link);
            linked.add(event.linked(link));
        }
        return linked;
    }

    private static Uni<Void> updateHeads(SqlConnection tx, List<AuditEvent> linked) {
        Map<String, ChainLink> heads = new LinkedHashMap<>();
        linked.forEach(e -> heads.put(e.chain(), e.link()));
        String[] chains = heads.keySet().toArray(String[]::new);
        Long[] sequences = heads.values().stream().map(ChainLink::sequence).toArray(Long[]::new);
        String[] hashes = heads.values().stream().map(ChainLink::entryHash).toArray(String[]::new);
        return tx.preparedQuery("UPDATE audit_chain_head h SET last_seq = u.seq, last_hash = decode(u.hash, 'hex')"
                        + " FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(chain, seq, hash)"
                        + " WHERE h.chain = u.chain")
                .execute(Tuple.of(chains, sequences, hashes))
                .replaceWithVoid();
    }

    private static Tuple entryArrays(List<AuditEvent> events) {
        int n = events.size();
        String[] chains = new String[n],
                topics = new String[n],
                types = new String[n],
                subjects = new String[n],
                tenants = new String[n],
                sources = new String[n],
                correlations = new String[n],
                causations = new String[n],
                actors = new String[n],
                actions = new String[n],
                targets = new String[n],
                outcomes = new String[n],
                clientIps = new String[n],
                data = new String[n],
                previous = new String[n],
                hashes = new String[n];
        Long[] chainSeqs = new Long[n], sequences = new Long[n];
        UUID[] ids = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = events.get(i);
            chains[i] = e.link().chain();
            chainSeqs[i] = e.link().sequence();
            ids[i] = e.eventId();
            topics[i] = e.topic();
            types[i] = e.type();
            subjects[i] = e.subject();
            tenants[i] = e.tenantId();
            sequences[i] = e.sequence();
            sources[i] = e.source();
            times[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            correlations[i] = e.correlationId();
            causations[i] = e.causationId();
            actors[i] = e.actor();
            actions[i] = e.action();
            targets[i] = e.target();
            outcomes[i] = e.outcome();
            clientIps[i] = e.clientIp();
            data[i] = e.data();
            previous[i] = e.link().previousHash();
            hashes[i] = e.link().entryHash();
        }
        return Tuple.tuple()
                .addArrayOfString(chains)
                .addArrayOfLong(chainSeqs)
                .addArrayOfUUID(ids)
                .addArrayOfString(topics)
                .addArrayOfString(types)
                .addArrayOfString(subjects)
                .addArrayOfString(tenants)
                .addArrayOfLong(sequences)
                .addArrayOfString(sources)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfString(correlations)
                .addArrayOfString(causations)
                .addArrayOfString(actors)
                .addArrayOfString(actions)
                .addArrayOfString(targets)
                .addArrayOfString(outcomes)
                .addArrayOfString(clientIps)
                .addArrayOfString(data)
                .addArrayOfString(previous)
                .addArrayOfString(hashes);
    }

    private static Uni<Integer> insertCalls(SqlConnection tx, List<CallRecordRow> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = calls.size();
        UUID[] ids = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] tenants = new String[n],
                keys = new String[n],
                routes = new String[n],
                gateways = new String[n],
                requests = new String[n],
                methods = new String[n],
                paths = new String[n],
                outcomes = new String[n],
                clientIps = new String[n];
        Integer[] statuses = new Integer[n];
        Long[] durations = new Long[n], bytesIn = new Long[n], bytesOut = new Long[n];
        for (int i = 0; i < n; i++) {
            CallRecordRow c = calls.get(i);
            ids[i] = c.eventId();
            times[i] = c.occurredAt().atOffset(ZoneOffset.UTC);
            tenants[i] = c.tenantId();
            keys[i] = c.keyId();
            routes[i] = c.routeId();
            gateways[i] = c.gatewayId();
            requests[i] = c.requestId();
            methods[i] = c.method();
            paths[i] = c.path();
            statuses[i] = c.status();
            outcomes[i] = c.outcome();
            clientIps[i] = c.clientIp();
            durations[i] = c.durationMicros();
            bytesIn[i] = c.bytesIn();
            bytesOut[i] = c.bytesOut();
        }
        Tuple arrays = Tuple.tuple()
                .addArrayOfUUID(ids)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfString(tenants)
                .addArrayOfString(keys)
                .addArrayOfString(routes)
                .addArrayOfString(gateways)
                .addArrayOfString(requests)
                .addArrayOfString(methods)
                .addArrayOfString(paths)
                .addArrayOfInteger(statuses)
                .addArrayOfString(outcomes)
                .addArrayOfString(clientIps)
                .addArrayOfLong(durations)
                .addArrayOfLong(bytesIn)
                .addArrayOfLong(bytesOut);
        return tx.preparedQuery(INSERT_CALLS).execute(arrays).map(RowSet::rowCount);
    }

    private static Uni<Integer> insertDeadLetters(SqlConnection tx, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = letters.size();
        String[] topics = new String[n], keys = new String[n], values = new String[n], headers = new String[n];
        String[] reasons = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0; i < n; i++) {
            DeadLetter d = letters.get(i);
            topics[i] = d.topic();
            partitions[i] = d.partition();
            offsets[i] = d.offset();
            keys[i] = d.key() == null ? null : base64.encodeToString(d.key());
            values[i] = d.value() == null ? null : base64.encodeToString(d.value());
            JsonArray list = new JsonArray();
            d.headers()
                    .forEach(h -> list.add(new JsonObject()
                            .put("name", h.name())
                            .put("value", h.value() == null ? null : base64.encodeToString(h.value()))));
            headers[i] = list.encode();
            reasons[i] = d.reason();
            times[i] = d.recordTime() == null ? null : d.recordTime().atOffset(ZoneOffset.UTC);
        }
        return tx.preparedQuery(INSERT_DEAD_LETTERS)
                .execute(Tuple.tuple()
                        .addArrayOfString(topics)
                        .addArrayOfInteger(partitions)
                        .addArrayOfLong(offsets)
                        .addArrayOfString(keys)
                        .addArrayOfString(values)
                        .addArrayOfString(headers)
                        .addArrayOfString(reasons)
                        .addArrayOfOffsetDateTime(times))
                .map(RowSet::rowCount);
    }

    static String resource(String name) {
        try (InputStream in = AuditEventStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
