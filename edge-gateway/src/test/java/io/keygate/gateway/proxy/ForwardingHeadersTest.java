package io.keygate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardingHeadersTest {

    @Test
    void upstreamHopByHopHeadersAndTheOnesItsConnectionHeaderNamesStayBehind() {
        assertThat(namesPassedToClient(HttpHeaders.headers()
                        .add("Content-Type", "text/plain")
                        .add("connection", "keep-alive, X-Upstream-Hop")
                        .add("x-upstream-hop", "1")
                        .add("KEEP-ALIVE", "timeout=5")
                        .add("Transfer-Encoding", "chunked")
                        .add("te", "trailers")
                        .add("Proxy-Authenticate", "Basic")
                        .add("X-Request-Id", "from-upstream")
                        .add("ETag", "\"1\"")))
                .containsExactlyInAnyOrder("Content-Type", "ETag");
    }

    @Test
    void aConnectionHeaderNamingOnlyHopByHopHeadersKeepsEveryOtherHeader() {
        assertThat(namesPassedToClient(HttpHeaders.headers()
                        .add("Connection", "close")
                        .add("Cache-Control", "no-store")
                        .add("Content-Length", "2")))
                .containsExactlyInAnyOrder("Cache-Control", "Content-Length");
    }

    private static Set<String> namesPassedToClient(MultiMap upstream) {
        MultiMap response = HttpHeaders.headers();
        ForwardingHeaders.toClient(upstream, response);
        return response.names();
    }
}
