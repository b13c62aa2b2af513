package io.keygate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.gateway.state.GatewayState;
import io.keygate.testkit.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client connections cannot be held open for free: one that connects and sends nothing, or goes quiet between
 * requests or in the middle of its body, is closed at the idle timeout.
 */
@QuarkusTest
@TestProfile(ClientTimeoutsQuarkusTest.ShortIdleTimeout.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class ClientTimeoutsQuarkusTest {

    /** A connection quiet for 2 s is closed. */
    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("keygate.gateway.proxy.client-idle-timeout", "2s");
        }
    }

    private static final Duration GIVE_UP = Duration.ofSeconds(20);

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @BeforeEach
    void awaitState() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = connect()) {
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void aConnectionThatStopsInTheMiddleOfItsRequestHeadIsClosed() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("GET /half HTTP/1.1\r\nHost: api.test\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void aKeepAliveConnectionIsServedAndThenClosedWhenQuiet() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("GET /no-route-here HTTP/1.1\r\nHost: api.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readUntilClosed(socket.getInputStream()))
                    .startsWith("HTTP/1.1 404")
                    .contains("no-route");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        // Far longer than the idle timeout: a read that times out means the gateway kept the connection open.
        socket.setSoTimeout((int) GIVE_UP.toMillis());
        return socket;
    }

    /** Everything the server sends until it closes the connection (a read timeout fails the test). */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        for (int read; (read = in.read(chunk)) >= 0; ) {
            received.write(chunk, 0, read);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
