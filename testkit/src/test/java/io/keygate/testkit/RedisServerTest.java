package io.keygate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void answersPingAndIsGoneAfterClose() throws Exception {
        RedisServer redis = RedisServer.start();
        try {
            assertThat(command(redis.port(), "PING")).isEqualTo("+PONG");
            assertThat(command(redis.port(), "SET k v")).isEqualTo("+OK");
        } finally {
            redis.close();
        }
        Assertions.assertThatThrownBy(() -> command(redis.port(), "PING")).isInstanceOf(ConnectException.class);
    }

    private static String command(int port, String inline) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
