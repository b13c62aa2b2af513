package io.keygate.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class OwnerScopeTest {

    @Test
    void allAdmitsEverythingIncludingWhatNobodyOwns() {
        assertThat(OwnerScope.ALL.isRestricted()).isFalse();
        assertThat(OwnerScope.ALL.admits("usr_a")).isTrue();
        assertThat(OwnerScope.ALL.admits(null)).isTrue();
    }

    @Test
    void aRestrictedScopeAdmitsOnlyItsOwnersThings() {
        OwnerScope alice = OwnerScope.ownedBy("usr_alice");
        assertThat(alice.isRestricted()).isTrue();
        assertThat(alice.admits("usr_alice")).isTrue();
        assertThat(alice.admits("usr_bob")).isFalse();
        assertThat(alice.admits(null)).as("nobody's application is the admins'").isFalse();
        assertThatNullPointerException().isThrownBy(() -> OwnerScope.ownedBy(null));
    }

    @Test
    void aDeveloperManagesTheirTeamsThingsToo() {
        OwnerScope alice = OwnerScope.ownedBy("usr_alice", java.util.Set.of("team_payments"));
        assertThat(alice.admits("usr_bob", "team_payments")).isTrue();
        assertThat(alice.admits(null, "team_payments")).isTrue();
        assertThat(alice.admits("usr_bob", "team_search")).isFalse();
        assertThat(alice.admits("usr_alice", "team_search")).isTrue();
        assertThat(alice.includesTeam("team_payments")).isTrue();
        assertThat(alice.includesTeam("team_search")).isFalse();
        assertThat(OwnerScope.ALL.includesTeam("team_search")).isTrue();
    }
}
