package io.keygate.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns {@link EventEnvelope}s into CloudEvents 1.0 (JSON data, binary content mode on Kafka through
 * the CloudEvents SDK's serialisers) and back. The extension attributes carry what the envelope adds to
 * the core attributes: {@code tenantid}, {@code sequence}, {@code correlationid}, {@code causationid}, and when
 * known {@code actor} and {@code clientip}.
 */
public final class EventCodec {

    public static final String EXT_TENANT = "tenantid";
    public static final String EXT_SEQUENCE = "sequence";
    public static final String EXT_CORRELATION = "correlationid";
    public static final String EXT_CAUSATION = "causationid";
    /**
     * Optional: who did it ({@code user:<id>}, {@code client:<id>}, {@code service:<name>}, {@code system}), from
     * {@link EventEnvelope#actor()}; producers that know the actor set it, and the audit trail indexes it.
     */
    public static final String EXT_ACTOR = "actor";
    /** Optional: the client address of the request that caused the event; indexed by the audit trail. */
    public static final String EXT_CLIENT_IP = "clientip";

    public static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper json;

    public EventCodec() {
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // Schema changes are additive: a consumer on an older release must read newer data.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The JSON bytes of an event record, exactly as they travel as CloudEvents data. */
    public byte[] toJson(KeygateEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " is not serialisable", e);
        }
    }

    /** Reads event data of a known type. */
    public <E extends KeygateEvent> E fromJson(byte[] data, Class<E> recordClass) {
        try {
            return json.readValue(data, recordClass);
        } catch (IOException e) {
            throw new UnreadableEventException("Data does not match " + recordClass.getSimpleName(), e);
        }
    }

    /** The CloudEvent for an envelope. */
    public CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
        return toCloudEvent(envelope.attributes(), toJson(envelope.data()));
    }

    /** The CloudEvent with these attributes and data (the event's JSON, e.g. as it was stored). */
    public CloudEvent toCloudEvent(EventAttributes attributes, byte[] data) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(attributes.id().toString())
                .withSource(URI.create(attributes.source()))
                .withType(attributes.type())
                .withSubject(attributes.subject())
                .withTime(OffsetDateTime.ofInstant(attributes.occurredAt(), ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withExtension(EXT_SEQUENCE, Long.toString(attributes.sequence()))
                .withData(data);
        if (attributes.tenantId() != null) {
            builder.withExtension(EXT_TENANT, attributes.tenantId());
        }
        if (attributes.correlationId() != null) {
            builder.withExtension(EXT_CORRELATION, attributes.correlationId());
        }
        if (attributes.causationId() != null) {
            builder.withExtension(EXT_CAUSATION, attributes.causationId());
        }
        if (attributes.actor() != null) {
            builder.withExtension(EXT_ACTOR, attributes.actor());
        }
        if (attributes.clientIp() != null) {
            builder.withExtension(EXT_CLIENT_IP, attributes.clientIp());
        }
        return builder.build();
    }

    /**
     * The envelope of a CloudEvent if it carries an event of {@code kind} (a record class or an interface such as
     * {@code TokenEvent}); empty for no event, or one of another or unknown type: how a consumer of a shared topic
     * skips what is not its business.
     *
     * @throws UnreadableEventException for data that does not fit its type
     */
    @SuppressWarnings("unchecked")
    public <E extends KeygateEvent> Optional<EventEnvelope<E>> fromCloudEventIf(CloudEvent event, Class<E> kind) {
        boolean carries = event != null
                && EventType.ofType(event.getType())
                        .map(type -> kind.isAssignableFrom(type.recordClass()))
                        .orElse(false);
        return carries ? Optional.of((EventEnvelope<E>) (EventEnvelope<?>) fromCloudEvent(event)) : Optional.empty();
    }

    /**
     * The envelope of a CloudEvent.
     *
     * @throws UnreadableEventException for an unknown type or data that does not fit it
     */
    public EventEnvelope<KeygateEvent> fromCloudEvent(CloudEvent event) {
        EventType type = EventType.ofType(event.getType())
                .orElseThrow(() -> new UnreadableEventException("Unknown event type " + event.getType()));
        CloudEventData data = event.getData();
        if (data == null) {
            throw new UnreadableEventException("Event " + event.getId() + " has no data");
        }
        KeygateEvent record = fromJson(data.toBytes(), type.recordClass());
        try {
            return new EventEnvelope<>(
                    UUID.fromString(event.getId()),
                    event.getSource().toString(),
                    parseSequence(event.getExtension(EXT_SEQUENCE)),
                    event.getTime() == null ? null : event.getTime().toInstant(),
                    stringOrNull(event.getExtension(EXT_CORRELATION)),
                    stringOrNull(event.getExtension(EXT_CAUSATION)),
                    record,
                    stringOrNull(event.getExtension(EXT_ACTOR)),
                    stringOrNull(event.getExtension(EXT_CLIENT_IP)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("Event " + event.getId() + " has invalid attributes", e);
        }
    }

    private static long parseSequence(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
