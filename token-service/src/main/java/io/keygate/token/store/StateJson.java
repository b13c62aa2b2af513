package io.keygate.token.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * An aggregate's state as a read model keeps it in a {@code jsonb} column: the same shape as in the events
 * (ISO instants, nulls left out), so the stored state reads back equal to the published one.
 */
public final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StateJson() {}

    /** The JSON text of a state record. */
    public static String write(Object state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(state.getClass().getSimpleName() + " is not serialisable", e);
        }
    }

    /**
     * A state record from its stored JSON text.
     *
     * @param id the aggregate's id, named in the error if the text is unreadable
     */
    public static <T> T read(String json, Class<T> type, String id) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored " + type.getSimpleName() + " of " + id, e);
        }
    }
}
