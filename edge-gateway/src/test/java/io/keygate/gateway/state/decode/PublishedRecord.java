package io.keygate.gateway.state.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.token.TokenEvent;
import io.keygate.gateway.state.EnforcedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record's headers and value exactly as Keygate's producers publish an event (CloudEvents SDK serialiser, binary
 * mode), with ways to bend it, and what the state consumer's general path (CloudEvents SDK, then {@link EventCodec})
 * reads from it: the reference the fast decoder is held to.
 */
record PublishedRecord(RecordHeaders headers, byte[] value) {

    static final String TOPIC = "keygate.tokens";
    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant OCCURRED_AT = Instant.parse("2026-11-29T10:15:30.123456Z");

    static PublishedRecord of(long sequence, KeygateEvent event) {
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create("/token-service", sequence, OCCURRED_AT, "corr-1", "cause-1", event);
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(TOPIC, headers, CODEC.toCloudEvent(envelope));
        return new PublishedRecord(headers, value);
    }

    /** What the general path reads: the key event, or null when it ignores the record or counts it unreadable. */
    DecodedKeyEvent readTheGeneralWay() {
        try {
            CloudEvent event = new CloudEventDeserializer().deserialize(TOPIC, headers, value);
            EventEnvelope<KeygateEvent> envelope = CODEC.fromCloudEvent(event);
            if (envelope.data() instanceof TokenEvent tokenEvent) {
                return new DecodedKeyEvent(envelope.sequence(), EnforcedKey.of(tokenEvent.key()));
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    DecodedKeyEvent readFast() {
        return new TokenEventDecoder().decode(headers, value);
    }

    /** The same record with one header's value replaced (or removed, for null). */
    PublishedRecord withHeader(String name, String headerValue) {
        RecordHeaders changed = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().equals(name)) {
                changed.add(header.key(), header.value());
            }
        }
        if (headerValue != null) {
            changed.add(name, headerValue.getBytes(StandardCharsets.UTF_8));
        }
        return new PublishedRecord(changed, value);
    }

    /** The same record with one more header. */
    PublishedRecord plusHeader(String name, String headerValue) {
        RecordHeaders changed = new RecordHeaders(headers.toArray());
        changed.add(name, headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8));
        return new PublishedRecord(changed, value);
    }

    /** The same record with its JSON data changed. */
    PublishedRecord withData(Consumer<ObjectNode> change) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(value);
            change.accept(data);
            return withValue(JSON.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same record with its key's JSON state changed. */
    PublishedRecord withKey(Consumer<ObjectNode> change) {
        return withData(data -> change.accept((ObjectNode) data.get("key")));
    }

    PublishedRecord withValue(byte[] changed) {
        return new PublishedRecord(headers, changed);
    }

    String dataText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
