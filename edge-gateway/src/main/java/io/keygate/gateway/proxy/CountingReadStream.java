package io.keygate.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.LongConsumer;

/**
 * A body stream passed through unchanged while its bytes are counted for the call record; optionally with a limit:
 * the chunk that would take the body past it is not passed on, the source is paused and {@code onLimitExceeded} runs
 * once instead (a body of unknown length cannot be refused before it is read).
 */
final class CountingReadStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final LongConsumer counter;
    private final long limit;
    private final Runnable onLimitExceeded;
    private long total;
    private boolean exceeded;

    CountingReadStream(ReadStream<Buffer> source, LongConsumer counter) {
        this(source, counter, Long.MAX_VALUE, () -> {});
    }

    CountingReadStream(ReadStream<Buffer> source, LongConsumer counter, long limit, Runnable onLimitExceeded) {
        this.source = source;
        this.counter = counter;
        this.limit = limit;
        this.onLimitExceeded = onLimitExceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
        } else {
            source.handler(buffer -> {
                if (exceeded) {
                    return;
                }
                total += buffer.length();
                if (total > limit) {
                    exceeded = true;
                    source.pause();
                    onLimitExceeded.run();
                    return;
                }
                counter.accept(buffer.length());
                handler.handle(buffer);
            });
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
