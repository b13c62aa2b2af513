package io.keygate.gateway.calls;

import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallRecorded;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.kafka.KafkaClientProperties;
import io.keygate.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;
import org.jctools.queues.MpscArrayQueue;

/**
 * Publishes {@code CallRecorded} events to {@code keygate.calls}, asynchronously and in batches, without holding up
 * the request that produced them. The event loops only put the record into a bounded lock-free queue; one publisher
 * thread encodes and sends what the queue holds, and the Kafka producer batches it. Through a Kafka outage records
 * wait in the producer's buffer and then in the queue (a record the producer has no room for is offered again, never
 * given up for taking long). A record is dropped only when the queue is full, when Kafka refuses it for good (a
 * record too large, authorisation), or at shutdown when Kafka does not take it in time; each drop is counted in
 * {@code keygate.gateway.calls.dropped} and logged at most once a second, never
 * silently. Calls are not aggregates: sequence 0, keyed by key id (or request id), correlated by request id.
 */
@ApplicationScoped
public class CallRecordPublisher {

    /** CloudEvents source of call records. */
    public static final String SOURCE = "/edge-gateway";

    private static final Logger LOG = Logger.getLogger(CallRecordPublisher.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long STALL_LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Records the publisher thread takes from the queue before it looks at its stop flag again. */
    private static final int DRAIN_LIMIT = 1024;
    /**
     * How long the publisher thread naps between looks at the queue while calls come in: a record waits at most this
     * long (the producer lingers far longer), and no event loop ever pays a system call to wake the thread.
     */
    private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Naps in a row that found nothing before the thread sleeps until a record wakes it (about the producer's linger):
     * a busy gateway never gets there, a quiet one pays one wake-up per record instead of a thousand naps a second.
     */
    private static final int NAPS_BEFORE_SLEEPING = 20;
    /** Longest sleep of an idle publisher thread: a missed wake-up costs at most this much delay. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Supplier<Map<String, Object>> producerConfig;
    private final Duration warmUpTimeout;
    private final GatewayMetrics metrics;
    private final String topic = Topic.CALLS.topicName();
    private final MpscArrayQueue<CallRecorded> queue;
    private final AtomicLong lastDropLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    /**
     * Counts records Kafka refused. The producer reports a record it had no metadata or buffer space for within
     * {@code max.block} through this callback too, at once and on the publisher thread: that one is not refused, and
     * {@link #offer} offers it again.
     */
    private final Callback onSent = (metadata, error) -> {
        if (error != null && !(error instanceof TimeoutException && Thread.currentThread() == this.publisher)) {
            dropped(error.toString());
        }
    };

    private volatile boolean running;
    /** Set by {@link #stop} when the thread did not finish sending in time: it then takes nothing more. */
    private volatile boolean abandoned;
    /** Set while the publisher thread sleeps until woken (no traffic for a while); naps need no waking. */
    private volatile boolean sleeping;

    private volatile Thread publisher;
    /** When the publisher thread last said that Kafka does not take records; its own field. */
    private long lastStallLogged = System.nanoTime() - STALL_LOG_INTERVAL_NANOS;

    private Producer<String, byte[]> producer;

    @Inject
    public CallRecordPublisher(KafkaClientProperties kafka, GatewayMetrics metrics, GatewayConfig config) {
        this(
                kafka::callProducer,
                WARM_UP_TIMEOUT,
                metrics,
                config.gateway().calls().queueCapacity());
    }

    CallRecordPublisher(
            Supplier<Map<String, Object>> producerConfig,
            Duration warmUpTimeout,
            GatewayMetrics metrics,
            int queueCapacity) {
        this.producerConfig = producerConfig;
        this.warmUpTimeout = warmUpTimeout;
        this.metrics = metrics;
        this.queue = new MpscArrayQueue<>(queueCapacity);
        metrics.callRecordQueue(queue::size);
    }

    /**
     * Creates the producer, fetches the topic's metadata (so the first records do not wait for it) and starts the
     * publisher thread.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        abandoned = false;
        producer = new KafkaProducer<>(producerConfig.get());
        long deadline = System.nanoTime() + warmUpTimeout.toNanos();
        boolean metadata = false;
        while (!metadata && System.nanoTime() < deadline) {
            try {
                producer.partitionsFor(topic);
                metadata = true;
            } catch (TimeoutException e) {
                // max.block.ms is short on purpose; the metadata request is still on its way.
            }
        }
        if (!metadata) {
            LOG.warnf(
                    "No metadata for %s after %s; call records wait in the queue until Kafka answers",
                    topic, warmUpTimeout);
        }
        running = true;
        Thread thread = new Thread(this::publishLoop, "keygate-call-records");
        thread.setDaemon(true);
        publisher = thread;
        thread.start();
    }

    /** Hands the record to the publisher thread; returns at once, from any thread. */
    public void publish(CallRecorded record) {
        if (!running) {
            dropped("the publisher is not running");
            return;
        }
        if (!queue.offer(record)) {
            dropped("the call-record queue is full (keygate.gateway.calls.queue-capacity)");
            return;
        }
        if (sleeping) {
            sleeping = false;
            LockSupport.unpark(publisher);
        }
    }

    /** Sends what is queued (bounded by a timeout), then closes the producer. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread thread = publisher;
        LockSupport.unpark(thread);
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                // Still sending a backlog: it stops taking from the queue now, and ends within one send.
                abandoned = true;
                thread.join(CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        if (!thread.isAlive()) {
            // The queue has one consumer: only once the thread is gone may this one take what is left.
            queue.drain(record -> dropped("the gateway stopped before the record was sent"));
        }
    }

    /**
     * Sends what the queue holds, then naps {@link #NAP_NANOS} and looks again: under traffic the thread wakes on its
     * own a thousand times a second at most, each time sending what came meanwhile, where waking it per record cost
     * the event loops a futex call each and the thread a context switch. After {@link #NAPS_BEFORE_SLEEPING} naps
     * without records it sleeps until {@link #publish} wakes it, so an idle gateway costs nothing.
     *
     * <p>A record the producer cannot take within {@code max.block} (no metadata while Kafka is away, or its buffer
     * full) is not given up: it is offered again, each attempt waiting that long, while the queue holds what comes
     * meanwhile. Records are dropped when the queue is full, not because Kafka was slow.
     */
    private void publishLoop() {
        CallRecordEncoder encoder = new CallRecordEncoder(topic, SOURCE);
        ProducerRecord<String, byte[]> waiting = null;
        int emptyNaps = 0;
        while (true) {
            if (abandoned) {
                if (waiting != null) {
                    dropped("the gateway stopped before Kafka took the record");
                }
                return;
            }
            if (waiting != null) {
                if (!running) {
                    dropped("the gateway stopped before Kafka took the record");
                    return;
                }
                waiting = offer(waiting);
                continue;
            }
            int taken = 0;
            CallRecorded record;
            while (waiting == null && taken < DRAIN_LIMIT && (record = queue.relaxedPoll()) != null) {
                taken++;
                ProducerRecord<String, byte[]> encoded = encode(encoder, record);
                waiting = encoded == null ? null : offer(encoded);
            }
            if (taken > 0) {
                emptyNaps = 0;
                if (taken == DRAIN_LIMIT || waiting != null) {
                    continue;
                }
            } else if (!running) {
                return;
            } else if (emptyNaps < NAPS_BEFORE_SLEEPING) {
                emptyNaps++;
            }
            if (emptyNaps < NAPS_BEFORE_SLEEPING) {
                LockSupport.parkNanos(this, NAP_NANOS);
                continue;
            }
            // Announce the sleep, then look once more: a record offered in between either is seen here or wakes it.
            sleeping = true;
            if (queue.isEmpty() && running) {
                LockSupport.parkNanos(this, MAX_SLEEP_NANOS);
            }
            sleeping = false;
        }
    }

    /** The Kafka record of a call, or null (counted as dropped) when it cannot be encoded. */
    private ProducerRecord<String, byte[]> encode(CallRecordEncoder encoder, CallRecorded record) {
        try {
            // The event happened when the call ended.
            Instant ended = record.receivedAt().plusNanos(TimeUnit.MICROSECONDS.toNanos(record.durationMicros()));
            return encoder.encode(record, EventEnvelope.newEventId(), ended);
        } catch (RuntimeException e) {
            dropped(e.toString());
            return null;
        }
    }

    /**
     * Hands a record to the producer. Null when it took it, or refused it for good (counted as dropped); the record
     * itself when the producer had no metadata or no buffer space for it within {@code max.block}: it is offered
     * again.
     */
    private ProducerRecord<String, byte[]> offer(ProducerRecord<String, byte[]> record) {
        Throwable failure;
        try {
            Future<RecordMetadata> sent = producer.send(record, onSent);
            // A record the producer takes is sent later; one it could not take has failed already.
            failure = sent.isDone() ? failureOf(sent) : null;
        } catch (TimeoutException e) {
            failure = e;
        } catch (RuntimeException e) {
            dropped(e.toString());
            return null;
        }
        if (!(failure instanceof TimeoutException)) {
            // Sent, or refused for good (counted by the callback).
            return null;
        }
        long now = System.nanoTime();
        if (now - lastStallLogged >= STALL_LOG_INTERVAL_NANOS) {
            lastStallLogged = now;
            LOG.warnf(
                    "Kafka does not take call records (%s); %d wait in the queue, which holds %d",
                    failure.getMessage(), queue.size(), queue.capacity());
        }
        return record;
    }

    private static Throwable failureOf(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void dropped(String reason) {
        metrics.callRecordDropped();
        long now = System.nanoTime();
        long last = lastDropLogged.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastDropLogged.compareAndSet(last, now)) {
            LOG.warnf(
                    "Dropped a call record (counted in keygate.gateway.calls.dropped; logged at most once a second): %s",
                    reason);
        }
    }
}
