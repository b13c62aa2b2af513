package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.policy.SubscriptionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String APP = "app_0123456789abcdef0123456789abcdef";
    private static final String API = "api_0123456789abcdef0123456789abcdef";

    private final SubscriptionIndex index = new SubscriptionIndex();

    private static SubscriptionState subscription(String id, SubscriptionStatus status) {
        return new SubscriptionState(
                id, "globex", APP, API, "acme", "plan_0123456789abcdef0123456789abcdef", status, null, T0, T0, null);
    }

    @Test
    void pendingThenApprovedIsApproved() {
        index.apply(subscription("sub_1", SubscriptionStatus.PENDING), 1);
        assertThat(index.statusOf("globex", APP, API)).isEqualTo(SubscriptionStatus.PENDING);

        index.apply(subscription("sub_1", SubscriptionStatus.APPROVED), 2);

        assertThat(index.statusOf("globex", APP, API)).isEqualTo(SubscriptionStatus.APPROVED);
    }

    @Test
    void anOlderEventOfTheSameSubscriptionIsIgnored() {
        index.apply(subscription("sub_1", SubscriptionStatus.SUSPENDED), 3);

        assertThat(index.apply(subscription("sub_1", SubscriptionStatus.APPROVED), 2))
                .isFalse();
        assertThat(index.statusOf("globex", APP, API)).isEqualTo(SubscriptionStatus.SUSPENDED);
    }

    @Test
    void aLateCancellationOfAnOldSubscriptionDoesNotHideTheNewApprovedOne() {
        index.apply(subscription("sub_new", SubscriptionStatus.APPROVED), 2);
        index.apply(subscription("sub_old", SubscriptionStatus.CANCELLED), 3);

        assertThat(index.statusOf("globex", APP, API)).isEqualTo(SubscriptionStatus.APPROVED);
    }

    @Test
    void aSubscriptionCountsOnlyForItsOwnTenant() {
        index.apply(subscription("sub_1", SubscriptionStatus.APPROVED), 1);

        assertThat(index.statusOf("acme", APP, API)).isNull();
    }

    @Test
    void unknownOrEndedPairsHaveNoStatus() {
        assertThat(index.statusOf("globex", APP, API)).isNull();
        index.apply(subscription("sub_1", SubscriptionStatus.REJECTED), 2);

        assertThat(index.statusOf("globex", APP, API)).isNull();
        assertThat(index.statusOf("globex", APP, "api_ffffffffffffffffffffffffffffffff"))
                .isNull();
    }
}
