package io.keygate.analytics.usage.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.UnreadableEventException;
import io.keygate.events.call.CallRecorded;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a {@code keygate.calls} record (a CloudEvent in binary mode, {@link EventCodec}'s JSON data) into its
 * {@link CallRecorded} on the Kafka poll thread, so the event loop that counts calls spends nothing on decoding.
 * It never throws: a record that is not a readable call record becomes a {@link ReadCall} saying why (not what it
 * held), which the consumer logs, counts and skips, so one bad record cannot block its partition.
 */
public class CallRecordDeserializer implements Deserializer<ReadCall> {

    /** Distinct ids remembered for sharing; past it the table starts over (ids then are merely not shared). */
    static final int MAX_SHARED_IDS = 100_000;

    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final EventCodec codec = new EventCodec();
    /**
     * One instance of each tenant, application, key, route, gateway, method and address id: a window holds tens of
     * thousands of calls naming a few thousand ids, and the rollups, detectors and address rows hash and compare
     * them many times; a shared string hashes once and compares by identity. Used by the poll thread only.
     */
    private final Map<String, String> shared = new HashMap<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        cloudEvents.configure(configs, isKey);
    }

    @Override
    public ReadCall deserialize(String topic, byte[] data) {
        throw new UnsupportedOperationException(
                "Call records are CloudEvents in binary mode: their headers are needed");
    }

    @Override
    public ReadCall deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return ReadCall.unreadable("no value (tombstone)");
        }
        CloudEvent event;
        try {
            event = cloudEvents.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            return ReadCall.unreadable("not a CloudEvent");
        }
        try {
            KeygateEvent read = codec.fromCloudEvent(event).data();
            return read instanceof CallRecorded call
                    ? ReadCall.of(withSharedIds(call))
                    : ReadCall.unreadable("not a call record: " + event.getType());
        } catch (UnreadableEventException e) {
            return ReadCall.unreadable(e.getMessage());
        } catch (RuntimeException e) {
            // A record the codec chokes on must not stop the partition either; the class says enough.
            return ReadCall.unreadable("unexpected " + e.getClass().getSimpleName());
        }
    }

    private CallRecorded withSharedIds(CallRecorded call) {
        if (shared.size() >= MAX_SHARED_IDS) {
            shared.clear();
        }
        return new CallRecorded(
                call.requestId(),
                share(call.gatewayId()),
                share(call.tenantId()),
                share(call.routeId()),
                share(call.keyId()),
                share(call.applicationId()),
                share(call.method()),
                call.path(),
                call.status(),
                call.outcome(),
                call.durationMicros(),
                call.bytesIn(),
                call.bytesOut(),
                share(call.clientIp()),
                call.receivedAt());
    }

    private String share(String id) {
        if (id == null) {
            return null;
        }
        String known = shared.putIfAbsent(id, id);
        return known == null ? id : known;
    }

    @Override
    public void close() {
        cloudEvents.close();
    }
}
