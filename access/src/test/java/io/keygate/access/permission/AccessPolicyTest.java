package io.keygate.access.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.access.Caller;
import io.keygate.events.identity.TenantRole;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Permission CREATE_KEY = new Permission(
            "token",
            "POST",
            "/tenants/{tenantId}/api-keys",
            new TenantScope.PathParameter("tenantId"),
            Map.of(
                    TenantRole.ADMIN,
                    Grant.ALLOW,
                    TenantRole.DEVELOPER,
                    Grant.OWN,
                    TenantRole.VIEWER,
                    Grant.DENY,
                    TenantRole.AUDITOR,
                    Grant.DENY));

    private static Caller member(String tenant, TenantRole... roles) {
        return new Caller("u-1", "s-1", tenant, Set.of(roles), false);
    }

    @Test
    void aPublicEndpointNeedsNoSession() {
        Permission jwks = new Permission("token", "GET", "/jwks", new TenantScope.Public(), Map.of());

        assertThat(AccessPolicy.decide(jwks, null, null)).isEqualTo(new Verdict.Allowed(false));
    }

    @Test
    void withoutASessionTheCallIsUnauthenticated() {
        assertThat(AccessPolicy.decide(CREATE_KEY, null, "acme")).isInstanceOf(Verdict.Unauthenticated.class);
    }

    @Test
    void theRolesOfTheTenantDecide() {
        assertThat(AccessPolicy.decide(CREATE_KEY, member("acme", TenantRole.ADMIN), "acme"))
                .isEqualTo(new Verdict.Allowed(false));
        assertThat(AccessPolicy.decide(CREATE_KEY, member("acme", TenantRole.DEVELOPER), "acme"))
                .isEqualTo(new Verdict.Allowed(true));
        assertThat(AccessPolicy.decide(CREATE_KEY, member("acme", TenantRole.VIEWER, TenantRole.AUDITOR), "acme"))
                .isInstanceOf(Verdict.Forbidden.class);
        assertThat(AccessPolicy.decide(CREATE_KEY, member("acme"), "acme")).isInstanceOf(Verdict.Forbidden.class);
    }

    @Test
    void theWidestGrantOfSeveralRolesWins() {
        assertThat(AccessPolicy.decide(
                        CREATE_KEY, member("acme", TenantRole.VIEWER, TenantRole.DEVELOPER, TenantRole.ADMIN), "acme"))
                .isEqualTo(new Verdict.Allowed(false));
    }

    @Test
    void anotherTenantsAdminIsForbidden() {
        assertThat(AccessPolicy.decide(CREATE_KEY, member("globex", TenantRole.ADMIN), "acme"))
                .isInstanceOf(Verdict.Forbidden.class);
    }

    @Test
    void aCallNamingNoTenantIsForPlatformAdministratorsOnly() {
        Permission events = new Permission(
                "audit",
                "GET",
                "/audit/events",
                new TenantScope.QueryParameter("tenantId"),
                Map.of(TenantRole.AUDITOR, Grant.ALLOW));

        assertThat(AccessPolicy.decide(events, member("acme", TenantRole.AUDITOR), null))
                .isInstanceOf(Verdict.Forbidden.class);
        assertThat(AccessPolicy.decide(events, member("acme", TenantRole.AUDITOR), "acme"))
                .isEqualTo(new Verdict.Allowed(false));
        assertThat(AccessPolicy.decide(events, new Caller("root", "s", null, Set.of(), true), null))
                .isEqualTo(new Verdict.Allowed(false));
    }

    @Test
    void platformEndpointsRefuseEveryTenantRoleAndSignedInEndpointsAcceptAnyone() {
        Permission rotate = new Permission("token", "POST", "/rotate", new TenantScope.Platform(), Map.of());
        Permission me = new Permission("token", "GET", "/auth/me", new TenantScope.SignedIn(), Map.of());

        assertThat(AccessPolicy.decide(rotate, member("acme", TenantRole.ADMIN), null))
                .isInstanceOf(Verdict.Forbidden.class);
        assertThat(AccessPolicy.decide(rotate, new Caller("root", "s", null, Set.of(), true), null))
                .isEqualTo(new Verdict.Allowed(false));
        assertThat(AccessPolicy.decide(me, member("acme"), null)).isEqualTo(new Verdict.Allowed(false));
    }
}
