package io.keygate.gateway.calls;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cloudevents.types.Time;
import io.keygate.events.EventCodec;
import io.keygate.events.EventType;
import io.keygate.events.call.CallRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Encodes a {@link CallRecorded} as the Kafka record the CloudEvents SDK would write for it in binary content mode
 * (the same {@code ce_*} headers, the same JSON data as {@link EventCodec#toJson}), without building a CloudEvent
 * and without reflection: call records are the gateway's most frequent output, one per request. The constant
 * attributes are encoded once. Not thread-safe: one encoder per publishing thread.
 */
final class CallRecordEncoder {

    private static final String PREFIX = "ce_";
    private static final String SPEC_VERSION = PREFIX + "specversion";
    private static final String ID = PREFIX + "id";
    private static final String SOURCE = PREFIX + "source";
    private static final String TYPE = PREFIX + "type";
    private static final String SUBJECT = PREFIX + "subject";
    private static final String TIME = PREFIX + "time";
    private static final String CONTENT_TYPE = "content-type";
    private static final String SEQUENCE = PREFIX + EventCodec.EXT_SEQUENCE;
    private static final String TENANT = PREFIX + EventCodec.EXT_TENANT;
    private static final String CORRELATION = PREFIX + EventCodec.EXT_CORRELATION;

    private static final byte[] SPEC_VERSION_VALUE = ascii("1.0");
    private static final byte[] TYPE_VALUE = ascii(EventType.CALL_RECORDED.type());
    private static final byte[] CONTENT_TYPE_VALUE = ascii(EventCodec.CONTENT_TYPE);
    // Calls are not aggregates: every call record has sequence 0.
    private static final byte[] SEQUENCE_VALUE = ascii("0");

    private final String topic;
    private final byte[] source;
    private final JsonFactory json = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);

    /**
     * @param topic  the topic the records go to
     * @param source the CloudEvents {@code source} of every record
     */
    CallRecordEncoder(String topic, String source) {
        this.topic = topic;
        this.source = utf8(source);
    }

    /** The Kafka record of {@code call}: keyed by its aggregate id, correlated by its request id. */
    ProducerRecord<String, byte[]> encode(CallRecorded call, UUID eventId, Instant occurredAt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.add(ID, ascii(eventId.toString()));
        headers.add(SOURCE, source);
        headers.add(TYPE, TYPE_VALUE);
        headers.add(SUBJECT, utf8(call.aggregateId()));
        headers.add(TIME, ascii(Time.writeTime(OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))));
        headers.add(CONTENT_TYPE, CONTENT_TYPE_VALUE);
        headers.add(SEQUENCE, SEQUENCE_VALUE);
        if (call.tenantId() != null) {
            headers.add(TENANT, utf8(call.tenantId()));
        }
        headers.add(CORRELATION, utf8(call.requestId()));
        return new ProducerRecord<>(topic, null, null, call.aggregateId(), data(call), headers);
    }

    /** The JSON data: the record's components in order, nulls left out, the instant in ISO-8601. */
    byte[] data(CallRecorded call) {
        buffer.reset();
        try (JsonGenerator out = json.createGenerator(buffer, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("requestId", call.requestId());
            optional(out, "gatewayId", call.gatewayId());
            optional(out, "tenantId", call.tenantId());
            optional(out, "routeId", call.routeId());
            optional(out, "keyId", call.keyId());
            optional(out, "applicationId", call.applicationId());
            optional(out, "method", call.method());
            optional(out, "path", call.path());
            out.writeNumberField("status", call.status());
            out.writeStringField("outcome", call.outcome().name());
            out.writeNumberField("durationMicros", call.durationMicros());
            out.writeNumberField("bytesIn", call.bytesIn());
            out.writeNumberField("bytesOut", call.bytesOut());
            optional(out, "clientIp", call.clientIp());
            out.writeStringField("receivedAt", call.receivedAt().toString());
            out.writeEndObject();
        } catch (IOException e) {
            // Writing to memory: only a bug gets here.
            throw new UncheckedIOException("Call record not encodable", e);
        }
        return buffer.toByteArray();
    }

    private static void optional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
