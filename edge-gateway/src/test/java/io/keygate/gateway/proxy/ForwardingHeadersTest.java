package io.keygate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ForwardingHeadersTest {

    @Test
    void upstreamHopByHopHeadersAndTheOnesItsConnectionHeaderNamesStayBehind() {
        MultiMap upstream = HttpHeaders.headers()
                .add("Content-Type", "text/plain")
                .add("connection", "keep-alive, X-Upstream-Hop")
                .add("x-upstream-hop", "1")
                .add("KEEP-ALIVE", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("te", "trailers")
                .add("Proxy-Authenticate", "Basic")
                .add("X-Request-Id", "from-upstream")
                .add("ETag", "\"1\"");
        MultiMap response = HttpHeaders.headers();

        ForwardingHeaders.toClient(upstream, response);

        assertThat(response.names()).containsExactlyInAnyOrder("Content-Type", "ETag");
    }

    @Test
    void aConnectionHeaderNamingOnlyHopByHopHeadersKeepsEveryOtherHeader() {
        MultiMap upstream = HttpHeaders.headers()
                .add("Connection", "close")
                .add("Cache-Control", "no-store")
                .add("Content-Length", "2");
        MultiMap response = HttpHeaders.headers();

        ForwardingHeaders.toClient(upstream, response);

        assertThat(response.names()).containsExactlyInAnyOrder("Cache-Control", "Content-Length");
    }
}
