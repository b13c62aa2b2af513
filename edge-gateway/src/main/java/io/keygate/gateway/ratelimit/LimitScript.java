package io.keygate.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua script that evaluates and charges a call's limits in Redis in one round trip ({@code limits.lua}), sent
 * by its SHA-1 and loaded again whenever Redis answers that it does not know it (after a restart or a flush).
 */
final class LimitScript {

    private static final String SOURCE = source();
    private static final String SHA = sha1(SOURCE);

    private final Redis redis;
    private final String keyPrefix;

    LimitScript(Redis redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** Loads the script into Redis (opening a connection on the way), so the first call does not pay for either. */
    Future<Void> load() {
        return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SOURCE)).mapEmpty();
    }

    /**
     * Takes {@code units} from every limit, or as many as all of them have room for.
     *
     * @return the script's answer: granted, retry-after µs, refusing limit index (1-based, 0 none), then
     *         remaining and reset µs per limit
     */
    Future<Response> take(List<Limit> limits, long units) {
        return redis.send(request(Command.EVALSHA, SHA, limits, units)).recover(failure -> {
            if (failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")) {
                return redis.send(request(Command.EVAL, SOURCE, limits, units));
            }
            return Future.failedFuture(failure);
        });
    }

    private Request request(Command command, String script, List<Limit> limits, long units) {
        Request request = Request.cmd(command).arg(script).arg(limits.size());
        for (Limit limit : limits) {
            request.arg(keyPrefix + limit.bucket());
        }
        request.arg(limits.size());
        for (Limit limit : limits) {
            if (limit.kind() == LimitKind.RATE) {
                request.arg("r").arg(limit.intervalMicros()).arg(limit.toleranceMicros());
            } else {
                request.arg("q").arg(limit.quota()).arg(limit.windowEndMicros());
            }
        }
        return request.arg(units);
    }

    /** The decision a script answer for a single-unit take means. */
    static LimitDecision decision(List<Limit> limits, Response answer) {
        int count = limits.size();
        long[] remaining = new long[count];
        long[] reset = new long[count];
        for (int i = 0; i < count; i++) {
            remaining[i] = answer.get(3 + 2 * i).toLong();
            reset[i] = answer.get(4 + 2 * i).toLong();
        }
        boolean granted = answer.get(0).toLong() > 0;
        int refused = answer.get(2).toInteger();
        return new LimitDecision(
                granted,
                granted || refused == 0 ? null : limits.get(refused - 1),
                granted ? 0 : Math.max(0, answer.get(1).toLong()),
                limits,
                remaining,
                reset);
    }

    private static String source() {
        try (InputStream in = LimitScript.class.getResourceAsStream("limits.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
