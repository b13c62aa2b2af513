package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayBenchOptionsTest {

    @Test
    void withoutArgumentsEveryLineAndEveryMeasurementRunsWithTheIssuesSizes() {
        GatewayBenchOptions options = GatewayBenchOptions.parse(new String[0]);

        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.connections()).isEqualTo(16);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.lines()).containsExactly(GatewayLine.values());
        assertThat(options.keys()).isEqualTo(10_000);
        assertThat(options.revocations()).isEqualTo(1_000);
        assertThat(options.coldStartKeys()).isEqualTo(1_000_000);
        assertThat(options.coldStarts()).isEqualTo(3);
    }

    @Test
    void anEmptyLineListWithoutRevocationsRunsTheColdStartAlone() {
        GatewayBenchOptions options = GatewayBenchOptions.parse(
                new String[] {"10", "32", "1", "--lines=", "--revocations=0", "--cold-start-keys=1000000"});

        assertThat(options.lines()).isEmpty();
        assertThat(options.measuresThroughputOrRevocation()).isFalse();
        assertThat(options.needsLocalGateway()).isFalse();
        assertThat(options.coldStartKeys()).isEqualTo(1_000_000);
    }

    @Test
    void revocationsAloneStillMeasureThroughTheLocalGateway() {
        GatewayBenchOptions options = GatewayBenchOptions.parse(new String[] {"--lines=", "--revocations=10"});

        assertThat(options.measuresThroughputOrRevocation()).isTrue();
        assertThat(options.needsLocalGateway()).isTrue();
    }

    @Test
    void fewerThanOneColdStartIsRefused() {
        assertThatThrownBy(() -> GatewayBenchOptions.parse(new String[] {"--cold-starts=0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionalArgumentsAndOptionsMix() {
        GatewayBenchOptions options =
                GatewayBenchOptions.parse(new String[] {"3", "--lines=a, D", "8", "--cold-start-keys=0", "1"});

        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.connections()).isEqualTo(8);
        assertThat(options.runs()).isEqualTo(1);
        assertThat(options.lines()).containsExactly(GatewayLine.A, GatewayLine.D);
        assertThat(options.coldStartKeys()).isZero();
    }

    @Test
    void theLocalGatewayRunsForTheRevocationsEvenWithoutLineD() {
        assertThat(GatewayBenchOptions.parse(new String[] {"--lines=a,b"}).needsLocalGateway())
                .isTrue();
        assertThat(GatewayBenchOptions.parse(new String[] {"--lines=a,b", "--revocations=0"})
                        .needsLocalGateway())
                .isFalse();
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> GatewayBenchOptions.parse(new String[] {"--line=a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bench/gateway.sh");
    }

    @Test
    void moreRevocationsThanKeysAreRefused() {
        assertThatThrownBy(() -> GatewayBenchOptions.parse(new String[] {"--keys=10", "--revocations=11"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
