package io.keygate.analytics.usage.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.UnreadableEventException;
import io.keygate.events.call.CallRecorded;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a {@code keygate.calls} record (a CloudEvent in binary mode, {@link EventCodec}'s JSON data) into what
 * counting and detection read of its call, on the Kafka poll thread, so the event loop that counts calls spends nothing
 * on decoding. Records in the shape Keygate's gateways write are read by {@link CallRecordReader}; any other the
 * general way (CloudEvents SDK, {@link EventCodec}), to the same call. It never throws: a record that is not a readable
 * call record becomes a {@link ReadCall} saying why (not what it held), which the consumer logs, counts and skips, so
 * one bad record cannot block its partition. Not thread-safe: Kafka gives each consumer its own instance.
 */
public class CallRecordDeserializer implements Deserializer<ReadCall> {

    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final EventCodec codec = new EventCodec();
    private final SharedIds ids = new SharedIds();
    private final CallRecordReader reader = new CallRecordReader(ids);

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
            return ReadCall.tombstone();
        }
        ConsumedCall call = reader.read(headers, data);
        return call != null ? ReadCall.of(call) : readGenerally(topic, headers, data);
    }

    /** The general way: the CloudEvents SDK, then {@link EventCodec}. */
    private ReadCall readGenerally(String topic, Headers headers, byte[] data) {
        CloudEvent event;
        try {
            event = cloudEvents.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            return ReadCall.unreadable("not a CloudEvent");
        }
        try {
            KeygateEvent read = codec.fromCloudEvent(event).data();
            return read instanceof CallRecorded recorded
                    ? ReadCall.generally(
                            new ConsumedCall(ConsumedCall.UNPLACED, ConsumedCall.UNPLACED, recorded, ids::share))
                    : ReadCall.unreadable("not a call record: " + event.getType());
        } catch (UnreadableEventException e) {
            return ReadCall.unreadable(e.getMessage());
        } catch (RuntimeException e) {
            // A record the codec chokes on must not stop the partition either; the class says enough.
            return ReadCall.unreadable("unexpected " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        cloudEvents.close();
    }
}
