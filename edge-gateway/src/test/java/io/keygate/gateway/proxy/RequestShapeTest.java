package io.keygate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.gateway.check.Rejection;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestShapeTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static Rejection check(String method, String path, MultiMap headers) {
        return RequestShape.check(method, path, headers);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/orders/42",
                "/orders/42/",
                "/a%20b",
                "/orders/v1.2/x",
                "/a..b",
                "/%7Euser",
                "/..a",
                "/a/..."
            })
    void soundPathsPass(String path) {
        assertThat(check("GET", path, headers("Host", "api.test"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../admin",
                "/a/./b",
                "/a/%2e%2e/b",
                "/a/%2E/b",
                "/a%2Fb",
                "/a%2fb",
                "/a%5Cb",
                "/a\\b",
                "/a%252e%252e",
                "/a%00",
                "/a%zz",
                "/a%4",
                "orders",
                "/a b",
                "/a/.%2E/b",
                "/a/%2e.",
                "/a/..",
                "/a//b",
                "//a",
                "/refunds;x",
                "/orders/x/..;/admin",
                "/a%3bb",
                "/a%3Bb",
                "/orders/42/refunds#x",
                "/caf\u00e9",
                "/a\"b",
                "/a<b>",
                "/a[0]",
                "/a{b}",
                "/a|b",
                "/a^b",
                "/a`b"
            })
    void dotSegmentsEncodedSlashesDoubleEncodingAndBrokenEncodingAreRefused(String path) {
        assertThat(check("GET", path, headers("Host", "api.test"))).isEqualTo(Rejection.MALFORMED_REQUEST);
    }

    @Test
    void onlyTheProxiedMethodsPass() {
        assertThat(check("TRACE", "/", headers("Host", "api.test"))).isEqualTo(Rejection.METHOD_NOT_ALLOWED);
        assertThat(check("CONNECT", "/", headers("Host", "api.test"))).isEqualTo(Rejection.METHOD_NOT_ALLOWED);
        assertThat(check("PATCH", "/", headers("Host", "api.test"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.test", "api.test:8443", "10.0.0.1", "[2001:db8::1]:8080", "localhost", "api.test."})
    void validHostsPass(String host) {
        assertThat(check("GET", "/", headers("Host", host))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "evil.test/x", "user@api.test", "api.test:port", "-api.test", "api..test"})
    void invalidOrMissingHostsAreRefused(String host) {
        assertThat(check("GET", "/", headers("Host", host))).isEqualTo(Rejection.MALFORMED_REQUEST);
        assertThat(check("GET", "/", headers())).isEqualTo(Rejection.MALFORMED_REQUEST);
    }

    @Test
    void ambiguousFramingIsRefused() {
        assertThat(check("POST", "/", headers("Host", "a.test", "Content-Length", "5", "Transfer-Encoding", "chunked")))
                .isEqualTo(Rejection.MALFORMED_REQUEST);
        assertThat(check("POST", "/", headers("Host", "a.test", "Content-Length", "5", "Content-Length", "6")))
                .isEqualTo(Rejection.MALFORMED_REQUEST);
        assertThat(check("POST", "/", headers("Host", "a.test", "Transfer-Encoding", "gzip, chunked")))
                .isEqualTo(Rejection.MALFORMED_REQUEST);
        assertThat(check("POST", "/", headers("Host", "a.test", "Content-Length", "-1")))
                .isEqualTo(Rejection.MALFORMED_REQUEST);
        assertThat(check("POST", "/", headers("Host", "a.test", "Transfer-Encoding", "chunked")))
                .isNull();
        assertThat(check("POST", "/", headers("Host", "a.test", "Content-Length", "5")))
                .isNull();
    }

    /** The hand-written Host check against the regular expression it replaced, on generated values. */
    @Test
    void hostCheckAcceptsExactlyWhatTheRegularExpressionAccepted() {
        java.util.regex.Pattern oracle = java.util.regex.Pattern.compile(
                "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                        + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
        String[] pieces = {"a", "Z", "9", "-", ".", ":", "[", "]", "::1", "80", "123456", "x".repeat(62), "_", "f:e"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261129);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder host = new StringBuilder();
            int count = random.nextInt(0, 7);
            for (int p = 0; p < count; p++) {
                host.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = host.toString();
            boolean expected = oracle.matcher(value).matches();
            assertThat(RequestShape.isValidHost(value)).as("Host %s", value).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the generator produces valid hosts too").isGreaterThan(10_000);
    }
}
