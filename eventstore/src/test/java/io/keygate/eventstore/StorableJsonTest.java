package io.keygate.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorableJsonTest {

    @Test
    void jsonWithANulCharacterIsRefused() {
        assertThatThrownBy(() -> EventStore.storable(bytes("{\"name\":\"a\\u0000b\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> EventStore.storable(bytes("{\"name\":\"\\\\\\u0000\"}")))
                .as("an escaped backslash, then a NUL")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonWithoutOneIsStoredAsItIs() {
        byte[] plain = bytes("{\"name\":\"bench\",\"scopes\":[\"orders:read\"]}");
        byte[] backslashThenText = bytes("{\"path\":\"C:\\\\u0000\"}");

        assertThat(EventStore.storable(plain)).isSameAs(plain);
        assertThat(EventStore.storable(backslashThenText))
                .as("an escaped backslash, then the text u0000")
                .isSameAs(backslashThenText);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
