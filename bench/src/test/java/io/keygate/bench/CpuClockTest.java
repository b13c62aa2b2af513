package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void machineBusyTimeLeavesIdleAndIowaitOut() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        List<String> stat = List.of("cpu  100 2 30 5000 40 5 6 7 0 0", "cpu0 50 1 15 2500 20 2 3 3 0 0");

        assertThat(CpuClock.machineBusyTicks(stat)).isEqualTo(100 + 2 + 30 + 5 + 6 + 7);
    }

    @Test
    void aFileThatIsNotProcStatIsRefused() {
        assertThatThrownBy(() -> CpuClock.machineBusyTicks(List.of("intr 1 2 3")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perRequestCostIsTheTicksBetweenTwoReadingsOverTheRequests() {
        CpuClock.Reading before = new CpuClock.Reading(1_000, 5_000);
        CpuClock.Reading after = new CpuClock.Reading(1_100, 5_250);

        // 100 ticks = 1 s of CPU over 25,000 requests: 40 µs each; the machine's 250 ticks: 100 µs each.
        CpuClock.CpuPerRequest cost = after.since(before, 25_000);

        assertThat(cost.serverMicros()).isEqualTo(40.0);
        assertThat(cost.machineMicros()).isEqualTo(100.0);
    }

    @Test
    void thisProcessIsSeenUsingCpu() {
        CpuClock clock = new CpuClock(ProcessHandle.current().pid());
        CpuClock.Reading before = clock.read();
        long spin = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            spin++;
        }
        CpuClock.Reading after = clock.read();

        assertThat(spin).isPositive();
        assertThat(before).isNotNull();
        assertThat(after.serverTicks()).isGreaterThan(before.serverTicks());
        assertThat(after.machineTicks()).isGreaterThanOrEqualTo(after.serverTicks() - before.serverTicks());
    }
}
