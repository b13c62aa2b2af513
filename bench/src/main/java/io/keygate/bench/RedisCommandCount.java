package io.keygate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many commands a Redis server has processed ({@code INFO stats}, {@code total_commands_processed}): the bench
 * reads it before and after a gateway's warm-up to tell whether the gateway really counts its calls in Redis, so a
 * gateway that ignores its rate-limit mode is never reported as cluster rate limiting.
 */
final class RedisCommandCount {

    private static final Pattern TOTAL = Pattern.compile("total_commands_processed:(\\d+)");

    private RedisCommandCount() {}

    /** The server's count of processed commands. */
    static long of(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // A bulk string: "$<length>\r\n<payload>\r\n".
            InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("Redis closed the connection");
                }
                header.append((char) c);
            }
            int length = Integer.parseInt(header.toString().trim().substring(1));
            String payload = new String(in.readNBytes(length), StandardCharsets.US_ASCII);
            Matcher total = TOTAL.matcher(payload);
            if (!total.find()) {
                throw new IOException("INFO stats without total_commands_processed");
            }
            return Long.parseLong(total.group(1));
        }
    }
}
