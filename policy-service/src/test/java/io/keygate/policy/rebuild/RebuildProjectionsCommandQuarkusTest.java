package io.keygate.policy.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The documented command {@code policy-service rebuild-projections}. */
@QuarkusMainTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RebuildProjectionsCommandQuarkusTest {

    @Test
    @Launch("rebuild-projections")
    void rebuildsEveryProjectionAndExitsZero(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .contains(
                        "api: ",
                        "route: ",
                        "api_plan: ",
                        "subscription: ",
                        "ip_rule: ",
                        "token_policy: ",
                        "Projections rebuilt in ");
    }

    @Test
    @Launch(value = "rebuild-everything", exitCode = 2)
    void anUnknownCommandExitsTwoWithTheUsage(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("Usage: policy-service [rebuild-projections]");
    }
}
