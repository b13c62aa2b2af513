package io.keygate.token.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicPassTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Vertx vertx = Vertx.vertx();
    private final List<Instant> runs = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void aRunAskedForBetweenTicksHappensAtItsTimeAndTheSoonestWins() {
        PeriodicPass pass = new PeriodicPass("test", this::recordRun, count -> {});
        pass.start(vertx, HOUR, "test.interval");
        Instant asked = Instant.now();

        pass.runAt(vertx, asked.plusMillis(4000));
        pass.runAt(vertx, asked.plusMillis(300));
        pass.runAt(vertx, asked.plusMillis(2000)); // later than the one planned: ignored

        await().atMost(Duration.ofSeconds(10)).until(() -> !runs.isEmpty());
        await().during(Duration.ofMillis(4500)).atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);
        assertThat(runs.get(0)).isAfterOrEqualTo(asked.plusMillis(300)).isBefore(asked.plusMillis(2000));
        pass.stop(vertx);
    }

    @Test
    void aRunDueWhileAPassRunsHappensOnceMoreAfterIt() {
        AtomicInteger started = new AtomicInteger();
        PeriodicPass pass = new PeriodicPass(
                "test",
                () -> Uni.createFrom()
                        .item(started::incrementAndGet)
                        .onItem()
                        .delayIt()
                        .by(Duration.ofMillis(400)),
                count -> {});
        pass.start(vertx, HOUR, "test.interval");

        pass.runAt(vertx, Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
        pass.runAt(vertx, Instant.now()); // falls due while the first runs

        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
        pass.stop(vertx);
    }

    @Test
    void nothingRunsWhenThePassIsOffOrStopped() {
        PeriodicPass off = new PeriodicPass("off", this::recordRun, count -> {});
        off.start(vertx, Duration.ZERO, "test.interval");
        off.runAt(vertx, Instant.now());
        PeriodicPass stopped = new PeriodicPass("stopped", this::recordRun, count -> {});
        stopped.start(vertx, HOUR, "test.interval");
        stopped.runAt(vertx, Instant.now().plusMillis(200));
        stopped.stop(vertx);

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(runs::isEmpty);
    }

    private Uni<Integer> recordRun() {
        runs.add(Instant.now());
        return Uni.createFrom().item(1);
    }
}
