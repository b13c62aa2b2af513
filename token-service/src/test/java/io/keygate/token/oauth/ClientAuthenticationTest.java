package io.keygate.token.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {

    private static String basic(String id, String secret) {
        String pair =
                URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsAreFormDecodedPerRfc6749() {
        ClientCredentials credentials = ClientAuthentication.from(basic("kgc_1", "s:e c+r/et"), Map.of());

        assertThat(credentials.clientId()).isEqualTo("kgc_1");
        assertThat(credentials.secret()).isEqualTo("s:e c+r/et");
        assertThat(credentials.viaBasicAuth()).isTrue();
        assertThat(credentials.toString()).doesNotContain("s:e c+r/et");
    }

    @Test
    void postedCredentialsAreAccepted() {
        ClientCredentials credentials = ClientAuthentication.from(
                null, Map.of("client_id", List.of("kgc_1"), "client_secret", List.of("secret")));

        assertThat(credentials.clientId()).isEqualTo("kgc_1");
        assertThat(credentials.viaBasicAuth()).isFalse();
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreAnInvalidRequest() {
        assertThatThrownBy(() -> ClientAuthentication.from(basic("kgc_1", "s"), Map.of("client_secret", List.of("s"))))
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }

    @Test
    void missingOrMalformedCredentialsAreAnInvalidClient() {
        for (String header : new String[] {
            null, "Bearer x", "Basic !!!", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())
        }) {
            assertThatThrownBy(() -> ClientAuthentication.from(header, Map.of()))
                    .as(String.valueOf(header))
                    .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                        assertThat(e.error()).isEqualTo("invalid_client");
                        assertThat(e.status()).isEqualTo(401);
                    });
        }
    }

    @Test
    void aRepeatedParameterIsAnInvalidRequest() {
        assertThatThrownBy(() -> ClientAuthentication.from(
                        null, Map.of("client_id", List.of("a", "b"), "client_secret", List.of("s"))))
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }

    @Test
    void onlyTheClientCredentialsGrantIsSupported() {
        assertThatThrownBy(
                        () -> TokenRequestForm.requireClientCredentialsGrant(Map.of("grant_type", List.of("password"))))
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("unsupported_grant_type"));
        assertThatThrownBy(() -> TokenRequestForm.requireClientCredentialsGrant(Map.of()))
                .isInstanceOfSatisfying(
                        TokenRequestException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }
}
