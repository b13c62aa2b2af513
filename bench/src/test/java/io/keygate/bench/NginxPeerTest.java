package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keygate.testkit.FreePorts;
import io.keygate.testkit.RunDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated nginx configurations, run by Debian's nginx (the test is skipped where it is not installed). */
class NginxPeerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunDirectory run;

    @BeforeEach
    void requireNginx() {
        assumeTrue(
                Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "nginx"))),
                "nginx is not installed (apt-get install -y nginx)");
        run = RunDirectory.create("nginx-test");
    }

    @AfterEach
    void deleteRun() {
        if (run != null) {
            run.delete();
        }
    }

    private static HttpResponse<String> get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + BenchTenant.PATH));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keyMapProxyForwardsMappedKeysOnlyAndRefusesOthersWith401() throws Exception {
        int upstreamPort = FreePorts.next();
        try (NginxPeer upstream = NginxPeer.upstream(run, upstreamPort);
                NginxPeer keyMap = NginxPeer.keyMapProxy(
                        run, FreePorts.next(), upstreamPort, List.of(NginxPeer.keyMapLine("kg_live_known", "app_1")))) {

            assertThat(get(upstream.url(), null).body()).isEqualTo("{\"ok\":true}\n");
            assertThat(get(keyMap.url(), "kg_live_known").statusCode()).isEqualTo(200);
            assertThat(get(keyMap.url(), "kg_live_unknown").statusCode()).isEqualTo(401);
            assertThat(get(keyMap.url(), null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void reverseProxyForwardsEveryRequest() throws Exception {
        int upstreamPort = FreePorts.next();
        try (NginxPeer upstream = NginxPeer.upstream(run, upstreamPort);
                NginxPeer proxy = NginxPeer.reverseProxy(run, FreePorts.next(), upstreamPort)) {

            HttpResponse<String> response = get(proxy.url(), null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"ok\":true}\n");
        }
    }
}
