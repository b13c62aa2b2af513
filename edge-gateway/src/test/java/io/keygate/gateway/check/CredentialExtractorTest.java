package io.keygate.gateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.policy.CredentialKind;
import io.vertx.core.MultiMap;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CredentialExtractorTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void readsTheApiKeyHeaderInAnyCase() {
        assertThat(CredentialExtractor.presentedKey(headers("X-API-Key", "kg_test_1")))
                .isEqualTo("kg_test_1");
        assertThat(CredentialExtractor.presentedKey(headers("x-api-key", " kg_test_1 ")))
                .isEqualTo("kg_test_1");
    }

    @Test
    void aBearerTokenOfThreeBase64UrlSegmentsIsAJwtAndAnythingElseAnApiKey() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjIn0.c2ln-_0";

        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer " + jwt)))
                .isEqualTo(CredentialKind.JWT);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJ9.")))
                .as("alg none: an empty signature")
                .isEqualTo(CredentialKind.JWT);
        assertThat(CredentialExtractor.kindOf(headers("X-API-Key", jwt))).isEqualTo(CredentialKind.API_KEY);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer kg_test_a.b.c")))
                .isEqualTo(CredentialKind.API_KEY);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer a.b.c.d")))
                .isEqualTo(CredentialKind.API_KEY);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer a..c")))
                .isEqualTo(CredentialKind.API_KEY);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer a+b.c.d")))
                .isEqualTo(CredentialKind.API_KEY);
        assertThat(CredentialExtractor.kindOf(headers("Authorization", "Bearer kg_live_abc")))
                .isEqualTo(CredentialKind.API_KEY);
    }

    @Test
    void readsABearerToken() {
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Bearer kg_test_2")))
                .isEqualTo("kg_test_2");
        assertThat(CredentialExtractor.presentedKey(headers("authorization", "bearer   kg_test_2 ")))
                .isEqualTo("kg_test_2");
    }

    @Test
    void apiKeyHeaderWinsOverAuthorization() {
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Bearer b", "X-API-Key", "a")))
                .isEqualTo("a");
    }

    @Test
    void blankApiKeyHeaderFallsBackToAuthorization() {
        assertThat(CredentialExtractor.presentedKey(headers("X-API-Key", "  ", "Authorization", "Bearer b")))
                .isEqualTo("b");
    }

    @Test
    void otherSchemesAndEmptyTokensPresentNoKey() {
        assertThat(CredentialExtractor.presentedKey(headers())).isNull();
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Basic dXNlcjpwdw==")))
                .isNull();
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Bearer")))
                .isNull();
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Bearer   ")))
                .isNull();
        assertThat(CredentialExtractor.presentedKey(headers("Authorization", "Bearerkg_test_3")))
                .isNull();
    }

    @Test
    void aKeyInTheQueryStringIsFoundByParameterNameOrByItsFormat() {
        String key = ApiKeyFormat.generate("live", new SecureRandom());

        assertThat(CredentialExtractor.hasKeyInQuery("api_key=anything")).isTrue();
        assertThat(CredentialExtractor.hasKeyInQuery("page=2&APIKEY=x")).isTrue();
        assertThat(CredentialExtractor.hasKeyInQuery("page=2&token=" + key)).isTrue();
        assertThat(CredentialExtractor.hasKeyInQuery("t=%20" + key))
                .as("encoded")
                .isTrue();
        assertThat(CredentialExtractor.hasKeyInQuery("page=2&sort=name")).isFalse();
        assertThat(CredentialExtractor.hasKeyInQuery("q=kg_live_notakey")).isFalse();
        assertThat(CredentialExtractor.hasKeyInQuery("bad=%zz")).isFalse();
        assertThat(CredentialExtractor.hasKeyInQuery(null)).isFalse();
        assertThat(CredentialExtractor.hasKeyInQuery("access_token=eyJ.eyJ.sig"))
                .as("RFC 6750 §2.3")
                .isTrue();
    }

    @Test
    void theParameterKeysAreAcceptedFromIsReadAndTakenOutAndNoOther() {
        String key = ApiKeyFormat.generate("test", new SecureRandom());

        assertThat(CredentialExtractor.hasKeyInQuery("page=2&api_key=" + key, "api_key"))
                .isFalse();
        assertThat(CredentialExtractor.hasKeyInQuery("api_key=" + key + "&apikey=x", "api_key"))
                .isTrue();
        assertThat(CredentialExtractor.hasKeyInQuery("API_KEY=" + key, "api_key"))
                .as("another name")
                .isTrue();
        assertThat(CredentialExtractor.queryParameter("page=2&api_key=" + key + "&api_key=2", "api_key"))
                .isEqualTo(key);
        assertThat(CredentialExtractor.queryParameter("a%5Fkey=%20x", "a_key")).isEqualTo(" x");
        assertThat(CredentialExtractor.queryParameter("page=2", "api_key")).isNull();
        assertThat(CredentialExtractor.withoutParameter("page=2&api_key=" + key + "&sort=a&api_key=2", "api_key"))
                .isEqualTo("page=2&sort=a");
        assertThat(CredentialExtractor.withoutParameter("api_key=" + key, "api_key"))
                .isNull();
    }
}
