package io.keygate.token.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static final List<String> ALLOWED = List.of("orders:read", "orders:write");

    @Test
    void noRequestedScopeGrantsAllTheClientsScopes() {
        assertThat(Scopes.grant(null, ALLOWED)).containsExactly("orders:read", "orders:write");
    }

    @Test
    void aSubsetIsGrantedAsRequested() {
        assertThat(Scopes.grant("orders:write", ALLOWED)).containsExactly("orders:write");
        assertThat(Scopes.grant("orders:write orders:write", ALLOWED)).containsExactly("orders:write");
    }

    @Test
    void aScopeBeyondTheClientsIsAnInvalidScope() {
        assertThatThrownBy(() -> Scopes.grant("orders:read admin", ALLOWED))
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("invalid_scope"));
    }

    @Test
    void aMalformedScopeIsAnInvalidScope() {
        for (String scope : new String[] {"", "orders:read  orders:write", "bad\"quote"}) {
            assertThatThrownBy(() -> Scopes.grant(scope, ALLOWED))
                    .as(scope)
                    .isInstanceOfSatisfying(
                            TokenRequestException.class,
                            e -> assertThat(e.error()).isEqualTo("invalid_scope"));
        }
    }
}
