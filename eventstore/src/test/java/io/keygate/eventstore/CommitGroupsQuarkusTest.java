package io.keygate.eventstore;

import static io.keygate.eventstore.EventStoreQuarkusTest.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.TokenEvent;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Group commit ({@link EventStore#createGrouped}): each test first submits two commands whose checks hold their
 * transactions open for a moment (as many groups as may be in flight), so the commands submitted right after them wait
 * and share the next transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CommitGroupsQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SLOW = "slow";
    private static final String REFUSED = "refused";
    private static final String BROKEN = "broken";

    private static final Decider<ApiKeyState, ApiKeyState, TokenEvent> ISSUE = Decider.of(
            "api-key", (command, state) -> List.of(new ApiKeyIssued(command)), (state, event) -> event.key());

    /**
     * Holds the transaction of a key named {@value #SLOW} open, refuses one named {@value #REFUSED}, and sends one
     * named {@value #BROKEN} a statement PostgreSQL fails.
     */
    private static final ReadModelWriter<ApiKeyState, TokenEvent> WRITER = ReadModelWriter.checked(
            (tx, decision) -> switch (decision.state().name()) {
                case SLOW -> tx.query("SELECT pg_sleep(0.3)").execute();
                case REFUSED -> Uni.createFrom().failure(new IllegalStateException("refused by its check"));
                case BROKEN -> tx.query("SELECT 1/0").execute();
                default -> Uni.createFrom().voidItem();
            },
            (tx, decision) -> Uni.createFrom().voidItem());

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Test
    void commandsArrivingWhileATransactionIsInFlightCommitTogetherInTheNext() {
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        List<ApiKeyState> keys =
                IntStream.range(0, 30).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created = keys.stream().map(this::create).toList();

        slow.join();
        created.forEach(CompletableFuture::join);

        List<String> ids = keys.stream().map(ApiKeyState::keyId).toList();
        assertThat(transactionsOf(ids))
                .as("transactions that stored the 30 events")
                .isEqualTo(1);
        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(store.load(id).await().atMost(WAIT)).hasSize(1));
    }

    @Test
    void aGroupInsertsItsEventsInOneStatementAndWritesItsReadModelsInOneCall() {
        List<Integer> writtenTogether = new CopyOnWriteArrayList<>();
        ReadModelWriter<ApiKeyState, TokenEvent> batching = ReadModelWriter.checked(
                (tx, decision) -> WRITER.check(tx, decision),
                (tx, decision) -> Uni.createFrom().failure(new AssertionError("a group writes with writeAll")),
                (tx, decisions) -> {
                    writtenTogether.add(decisions.size());
                    return Uni.createFrom().voidItem();
                });
        CompletableFuture<Void> slow =
                CompletableFuture.allOf(create(key(SLOW), batching), create(key(SLOW), batching));
        List<ApiKeyState> keys =
                IntStream.range(0, 20).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created =
                keys.stream().map(key -> create(key, batching)).toList();

        slow.join();
        created.forEach(CompletableFuture::join);

        assertThat(writtenTogether).containsExactlyInAnyOrder(1, 1, 20);
        List<String> ids = keys.stream().map(ApiKeyState::keyId).toList();
        assertThat(transactionsOf(ids)).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT cmin::text) AS n FROM event_store WHERE aggregate_id = ANY($1)", ids))
                .as("statements that inserted the 20 events")
                .isEqualTo(1);
    }

    @Test
    void aMemberRefusedByItsCheckFailsAndTheOthersOfItsGroupCommitTogetherWithoutIt() {
        double retriedBefore = retriedAlone();
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        List<ApiKeyState> others =
                IntStream.range(0, 10).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created =
                new ArrayList<>(others.stream().map(this::create).toList());
        ApiKeyState refused = key(REFUSED);
        CompletableFuture<Void> refusal = create(refused);
        others.stream().skip(5).forEach(key -> created.add(create(key(key.name() + "b"))));

        slow.join();
        created.forEach(CompletableFuture::join);
        assertThat(refusal)
                .failsWithin(WAIT)
                .withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("refused by its check");

        assertThat(store.load(refused.keyId()).await().atMost(WAIT)).isEmpty();
        assertThat(transactionsOf(others.stream().map(ApiKeyState::keyId).toList()))
                .as("the others, still one group")
                .isEqualTo(1);
        assertThat(retriedAlone() - retriedBefore).isZero();
    }

    @Test
    void aGroupChecksItsMembersInOneCheckAllAndARefusalAmongThemFailsOnlyItsMember() {
        List<Integer> checkedTogether = new CopyOnWriteArrayList<>();
        ReadModelWriter<ApiKeyState, TokenEvent> together = checkingTogether("SELECT 1", checkedTogether);
        CompletableFuture<Void> slow =
                CompletableFuture.allOf(create(key(SLOW), together), create(key(SLOW), together));
        List<ApiKeyState> others =
                IntStream.range(0, 8).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created = new ArrayList<>(
                others.stream().limit(4).map(key -> create(key, together)).toList());
        CompletableFuture<Void> refusal = create(key(REFUSED), together);
        others.stream().skip(4).forEach(key -> created.add(create(key, together)));

        slow.join();
        created.forEach(CompletableFuture::join);
        assertThat(refusal)
                .failsWithin(WAIT)
                .withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("refused by its check");

        assertThat(checkedTogether).as("members per checkAll").containsExactlyInAnyOrder(1, 1, 9, 8);
        assertThat(transactionsOf(others.stream().map(ApiKeyState::keyId).toList()))
                .as("the others, one group")
                .isEqualTo(1);
    }

    @Test
    void aReadTheGroupsChecksShareFailingInTheDatabaseMakesEveryMemberRunAgainAlone() {
        List<Integer> checkedTogether = new CopyOnWriteArrayList<>();
        ReadModelWriter<ApiKeyState, TokenEvent> together = checkingTogether("SELECT 1/0", checkedTogether);
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        double retriedBefore = retriedAlone();
        List<ApiKeyState> keys =
                IntStream.range(0, 5).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created =
                keys.stream().map(key -> create(key, together)).toList();

        slow.join();
        created.forEach(CompletableFuture::join);

        assertThat(checkedTogether).containsExactly(5);
        assertThat(retriedAlone() - retriedBefore).as("the group's 5 members").isEqualTo(5);
        assertThat(transactionsOf(keys.stream().map(ApiKeyState::keyId).toList()))
                .as("each its own")
                .isEqualTo(5);
    }

    /**
     * A writer whose group checks first run {@code sharedRead} once for the group, then each member's {@link #WRITER}
     * check; alone, a command is checked by {@link #WRITER}'s check only. Records how many members each group had.
     */
    private static ReadModelWriter<ApiKeyState, TokenEvent> checkingTogether(
            String sharedRead, List<Integer> checkedTogether) {
        return new ReadModelWriter<>() {
            @Override
            public Uni<?> write(SqlConnection tx, Decision<ApiKeyState, TokenEvent> decision) {
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<?> check(SqlConnection tx, Decision<ApiKeyState, TokenEvent> decision) {
                return WRITER.check(tx, decision);
            }

            @Override
            public List<Uni<?>> checkAll(SqlConnection tx, List<Decision<ApiKeyState, TokenEvent>> decisions) {
                checkedTogether.add(decisions.size());
                Uni<?> read = tx.query(sharedRead).execute().memoize().indefinitely();
                List<Uni<?>> checks = new ArrayList<>();
                for (Decision<ApiKeyState, TokenEvent> decision : decisions) {
                    checks.add(read.chain(() -> WRITER.check(tx, decision)));
                }
                return checks;
            }
        };
    }

    @Test
    void aMemberWhoseEventsCannotBeStoredIsRefusedAndTheOthersCommitTogether() {
        double retriedBefore = retriedAlone();
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        List<ApiKeyState> others =
                IntStream.range(0, 6).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created =
                new ArrayList<>(others.stream().limit(3).map(this::create).toList());
        ApiKeyState unstorable = key("holds a NUL \0");
        CompletableFuture<Void> refusal = create(unstorable);
        others.stream().skip(3).forEach(key -> created.add(create(key)));

        slow.join();
        created.forEach(CompletableFuture::join);
        assertThat(refusal)
                .failsWithin(WAIT)
                .withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("NUL");

        assertThat(store.load(unstorable.keyId()).await().atMost(WAIT)).isEmpty();
        List<String> ids = others.stream().map(ApiKeyState::keyId).toList();
        assertThat(transactionsOf(ids)).as("the others, one group").isEqualTo(1);
        assertThat(ids)
                .allSatisfy(id -> assertThat(store.load(id).await().atMost(WAIT))
                        .singleElement()
                        .satisfies(event -> assertThat(
                                        ((ApiKeyIssued) event.data()).key().keyId())
                                .isEqualTo(id)));
        assertThat(retriedAlone() - retriedBefore).isZero();
    }

    @Test
    void aMemberWhoseStatementTheDatabaseFailsMakesEveryMemberRunAgainAlone() {
        double retriedBefore = retriedAlone();
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        List<ApiKeyState> others =
                IntStream.range(0, 6).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> created =
                new ArrayList<>(others.stream().map(this::create).toList());
        ApiKeyState broken = key(BROKEN);
        CompletableFuture<Void> breaking = create(broken);

        slow.join();
        created.forEach(CompletableFuture::join);
        assertThat(breaking)
                .failsWithin(WAIT)
                .withThrowableOfType(Exception.class)
                .withMessageContaining("division by zero");

        assertThat(store.load(broken.keyId()).await().atMost(WAIT)).isEmpty();
        assertThat(transactionsOf(others.stream().map(ApiKeyState::keyId).toList()))
                .as("each its own")
                .isEqualTo(6);
        assertThat(retriedAlone() - retriedBefore).as("the group's 7 members").isEqualTo(7);
    }

    @Test
    void twoMembersCreatingTheSameAggregateGiveOneConflictAndTheRestCommit() {
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        ApiKeyState twice = key("twice");
        List<ApiKeyState> others =
                IntStream.range(0, 5).mapToObj(i -> key("k" + i)).toList();
        List<CompletableFuture<Void>> outcomes = new ArrayList<>();
        outcomes.add(create(twice));
        others.forEach(key -> outcomes.add(create(key)));
        outcomes.add(create(twice));

        slow.join();
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();

        List<CompletableFuture<Void>> ofTwice = List.of(outcomes.get(0), outcomes.get(outcomes.size() - 1));
        assertThat(ofTwice)
                .filteredOn(CompletableFuture::isCompletedExceptionally)
                .singleElement()
                .satisfies(lost -> assertThat(lost)
                        .failsWithin(WAIT)
                        .withThrowableOfType(Exception.class)
                        .withRootCauseInstanceOf(ConcurrencyConflictException.class));
        assertThat(store.load(twice.keyId()).await().atMost(WAIT)).hasSize(1);
        assertThat(others)
                .allSatisfy(key ->
                        assertThat(store.load(key.keyId()).await().atMost(WAIT)).hasSize(1));
    }

    @Test
    void eachMemberResumesOnTheVertxContextItCameFrom() throws Exception {
        CompletableFuture<Void> slow = holdBothTransactionSlots();
        List<Context> contexts = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
        List<CompletableFuture<Boolean>> onOwnContext = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Context context = contexts.get(i % 2);
            CompletableFuture<Boolean> resumed = new CompletableFuture<>();
            ApiKeyState key = key("k" + i);
            context.runOnContext(ignored -> store.createGrouped(ISSUE, key, metadata(), WRITER)
                    .subscribe()
                    .with(
                            decision -> resumed.complete(Vertx.currentContext() == context),
                            resumed::completeExceptionally));
            onOwnContext.add(resumed);
        }

        slow.join();
        for (CompletableFuture<Boolean> resumed : onOwnContext) {
            assertThat(resumed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Starts two commands whose transactions stay open for a moment: as many as may be in flight (the default). */
    private CompletableFuture<Void> holdBothTransactionSlots() {
        return CompletableFuture.allOf(create(key(SLOW)), create(key(SLOW)));
    }

    private CompletableFuture<Void> create(ApiKeyState key) {
        return create(key, WRITER);
    }

    private CompletableFuture<Void> create(ApiKeyState key, ReadModelWriter<ApiKeyState, TokenEvent> writer) {
        return store.createGrouped(ISSUE, key, metadata(), writer)
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    private long transactionsOf(List<String> aggregateIds) {
        return count(
                "SELECT count(DISTINCT xmin::text) AS n FROM event_store WHERE aggregate_id = ANY($1)", aggregateIds);
    }

    private long count(String sql, List<String> aggregateIds) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(aggregateIds.toArray(String[]::new)))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong("n");
    }

    private double retriedAlone() {
        return registry.counter("keygate.eventstore.commit.group.retried.alone").count();
    }

    private static ApiKeyState key(String name) {
        return state("key_" + UUID.randomUUID(), name, ApiKeyStatus.ACTIVE);
    }

    private static EventMetadata metadata() {
        return EventMetadata.of(Instant.now(), "corr", null);
    }
}
