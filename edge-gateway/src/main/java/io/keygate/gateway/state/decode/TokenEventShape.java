package io.keygate.gateway.state.decode;

import io.keygate.events.EventType;
import io.keygate.events.canonical.CanonicalAttributes;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.TokenEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of one token event type's data: its {@code key} (an {@link ApiKeyState}) and the other fields of
 * its record, which the fast decoder checks as Jackson would but does not keep. Read from the event records
 * themselves, so a field added to an event is known here at once; a type with a field of a kind the decoder cannot
 * check is left to the general reader.
 */
final class TokenEventShape {

    /** What the decoder checks a field for. */
    enum FieldKind {
        /** A string or null. */
        TEXT,
        /** An instant in canonical text, or null. */
        INSTANT,
        /** An array of strings without null entries, or null. */
        TEXT_LIST
    }

    private final byte[] cloudEventType;
    private final Map<String, FieldKind> otherFields;

    private TokenEventShape(byte[] cloudEventType, Map<String, FieldKind> otherFields) {
        this.cloudEventType = cloudEventType;
        this.otherFields = otherFields;
    }

    /** The shapes of every token event type whose fields besides {@code key} the decoder can check. */
    static List<TokenEventShape> all() {
        List<TokenEventShape> shapes = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (TokenEvent.class.isAssignableFrom(type.recordClass())) {
                Map<String, FieldKind> others = otherFieldsOf(type.recordClass());
                if (others != null) {
                    shapes.add(new TokenEventShape(type.type().getBytes(StandardCharsets.US_ASCII), others));
                }
            }
        }
        return List.copyOf(shapes);
    }

    /** Whether a record's {@code ce_type} names this type. */
    boolean hasType(CanonicalAttributes attributes) {
        return attributes.hasType(cloudEventType);
    }

    /** The kind of a field besides {@code key}, or null for a field the record does not have (ignored, as Jackson does). */
    FieldKind otherField(String name) {
        return otherFields.get(name);
    }

    private static Map<String, FieldKind> otherFieldsOf(Class<?> recordClass) {
        Map<String, FieldKind> fields = new HashMap<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            if (component.getName().equals("key") && component.getType() == ApiKeyState.class) {
                continue;
            }
            FieldKind kind = kindOf(component.getGenericType());
            if (kind == null) {
                return null;
            }
            fields.put(component.getName(), kind);
        }
        return Map.copyOf(fields);
    }

    private static FieldKind kindOf(Type type) {
        if (type == String.class) {
            return FieldKind.TEXT;
        }
        if (type == Instant.class) {
            return FieldKind.INSTANT;
        }
        if (type instanceof ParameterizedType list
                && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class) {
            return FieldKind.TEXT_LIST;
        }
        return null;
    }
}
