package io.keygate.access.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.identity.TenantRole;
import org.junit.jupiter.api.Test;

class PermissionTableTest {

    private static final String HEADER = "| service | method | path | tenant | admin | developer | viewer | auditor |\n"
            + "|---|---|---|---|---|---|---|---|\n";

    @Test
    void theBundledPageHasRowsForEveryService() {
        PermissionTable table = PermissionTable.bundled();

        for (String service : new String[] {"token", "policy", "audit", "analytics", "gateway"}) {
            assertThat(table.of(service)).as(service).isNotEmpty();
        }
    }

    @Test
    void aRowSaysWhereTheTenantIsAndWhatEachRoleMayDo() {
        PermissionTable table = PermissionTable.parse("# Permissions\n\nProse.\n\n" + HEADER
                + "| token | POST | `/tenants/{tenantId}/api-keys` | `{tenantId}` | ✓ | own | — | — |\n"
                + "| audit | GET | `/audit/events` | `?tenantId` | ✓ | — | — | ✓ |\n");

        Permission create =
                table.find("token", "POST", "/tenants/{tenantId}/api-keys").orElseThrow();
        assertThat(create.tenant()).isEqualTo(new TenantScope.PathParameter("tenantId"));
        assertThat(create.grantOf(TenantRole.ADMIN)).isEqualTo(Grant.ALLOW);
        assertThat(create.grantOf(TenantRole.DEVELOPER)).isEqualTo(Grant.OWN);
        assertThat(create.grantOf(TenantRole.VIEWER)).isEqualTo(Grant.DENY);
        assertThat(table.find("audit", "GET", "/audit/events").orElseThrow().tenant())
                .isEqualTo(new TenantScope.QueryParameter("tenantId"));
    }

    @Test
    void anEndpointThatIsNotListedHasNoRow() {
        PermissionTable table = PermissionTable.parse(HEADER + "| token | GET | /a | public | ✓ | ✓ | ✓ | ✓ |\n");

        assertThat(table.find("token", "POST", "/a")).isEmpty();
        assertThat(table.find("policy", "GET", "/a")).isEmpty();
    }

    @Test
    void tablesWithAnotherHeaderAreProse() {
        PermissionTable table = PermissionTable.parse("| role | meaning |\n|---|---|\n| admin | all |\n\n" + HEADER
                + "| token | GET | /a | signed-in | — | — | — | — |\n");

        assertThat(table.all()).hasSize(1);
        assertThat(table.find("token", "GET", "/a").orElseThrow().tenant()).isEqualTo(new TenantScope.SignedIn());
    }

    @Test
    void aRowListedTwiceIsAnError() {
        String row = "| token | GET | /a | platform | — | — | — | — |\n";

        assertThatThrownBy(() -> PermissionTable.parse(HEADER + row + row))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 4")
                .hasMessageContaining("listed twice");
    }

    @Test
    void anUnknownGrantOrTenantNotationIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> PermissionTable.parse(HEADER + "| token | GET | /a | public | yes | ✓ | ✓ | ✓ |\n"))
                .hasMessageContaining("Line 3")
                .hasMessageContaining("Unknown grant 'yes'");
        assertThatThrownBy(() -> PermissionTable.parse(HEADER + "| token | GET | /a | tenant | ✓ | ✓ | ✓ | ✓ |\n"))
                .hasMessageContaining("Unknown tenant notation 'tenant'");
        assertThatThrownBy(() -> PermissionTable.parse(HEADER + "| token | GET | /a | public | ✓ | ✓ |\n"))
                .hasMessageContaining("expected 8 cells");
    }
}
