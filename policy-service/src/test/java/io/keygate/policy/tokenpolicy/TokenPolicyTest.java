package io.keygate.policy.tokenpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.TokenPolicyEvent;
import io.keygate.events.policy.TokenPolicyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void firstSetIsVersionOneWithCanonicalCidrs() {
        List<TokenPolicyEvent> events = TokenPolicy.decide(
                set(Duration.ofDays(90), List.of("10.0.0.0/8", "10.0.0.0/8", "::ffff:192.0.2.0/120")), null);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.policy().version()).isEqualTo(1);
            assertThat(event.policy().allowedCidrs()).containsExactly("10.0.0.0/8", "192.0.2.0/24");
            assertThat(event.aggregateId()).isEqualTo("tp_acme");
        });
    }

    @Test
    void aChangeBumpsTheVersionAndTheSamePolicyEmitsNothing() {
        TokenPolicyState first = TokenPolicy.decide(set(Duration.ofDays(90), List.of()), null)
                .get(0)
                .policy();

        assertThat(TokenPolicy.decide(set(Duration.ofDays(90), List.of()), first))
                .isEmpty();
        assertThat(TokenPolicy.decide(set(Duration.ofDays(30), List.of()), first))
                .singleElement()
                .satisfies(event -> assertThat(event.policy().version()).isEqualTo(2));
    }

    @Test
    void forcedExpiryWithoutMaxKeyAgeIsRefusedNamingTheField() {
        SetTokenPolicy command = new SetTokenPolicy("acme", null, false, null, 0, true, List.of(), T0);
        assertThatThrownBy(() -> TokenPolicy.decide(command, null))
                .isInstanceOfSatisfying(
                        TokenPolicyRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(new TokenPolicyRejection.InvalidField(
                                        422, "forceExpiryWhenTooOld", "needs maxKeyAge")));
    }

    @Test
    void warningAsLongAsTheMaximumAgeIsRefused() {
        SetTokenPolicy command = new SetTokenPolicy("acme", null, false, Duration.ofDays(10), 10, false, List.of(), T0);
        assertThatThrownBy(() -> TokenPolicy.decide(command, null))
                .isInstanceOfSatisfying(
                        TokenPolicyRejectedException.class,
                        e -> assertThat(((TokenPolicyRejection.InvalidField) e.rejection()).field())
                                .isEqualTo("rotationWarningDays"));
    }

    @Test
    void badCidrIsNamedByItsIndex() {
        assertThatThrownBy(() -> TokenPolicy.decide(set(null, List.of("10.0.0.0/8", "10.0.0.1/8")), null))
                .isInstanceOfSatisfying(
                        TokenPolicyRejectedException.class,
                        e -> assertThat(((TokenPolicyRejection.InvalidField) e.rejection()).field())
                                .isEqualTo("allowedCidrs[1]"));
    }

    @Test
    void zeroLifetimeIsRefused() {
        assertThatThrownBy(() -> TokenPolicy.decide(set(Duration.ZERO, List.of()), null))
                .isInstanceOf(TokenPolicyRejectedException.class);
    }

    private static SetTokenPolicy set(Duration maxLifetime, List<String> cidrs) {
        return new SetTokenPolicy("acme", maxLifetime, true, Duration.ofDays(180), 14, false, cidrs, T0);
    }
}
