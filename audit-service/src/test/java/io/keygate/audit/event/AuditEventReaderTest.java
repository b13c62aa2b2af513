package io.keygate.audit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final AuditEventReader reader = new AuditEventReader();

    @Test
    void attributesAndExtensionsOfAKeygateEventAreRead() {
        EventEnvelope<KeygateEvent> issued = SampleEvents.issued("acme", "key_1", T0.plusNanos(123_456_789));

        AuditEvent event = reader.read("keygate.tokens", T0, new EventCodec().toCloudEvent(issued));

        assertThat(event.eventId()).isEqualTo(issued.id());
        assertThat(event.type()).isEqualTo("io.keygate.apikey.issued.v1");
        assertThat(event.subject()).isEqualTo("key_1");
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.sequence()).isEqualTo(1L);
        assertThat(event.source()).isEqualTo("/token-service");
        assertThat(event.occurredAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(event.correlationId()).isEqualTo(issued.correlationId());
        assertThat(event.causationId()).isNull();
        assertThat(event.data()).contains("\"keyId\":\"key_1\"");
    }

    @Test
    void anEventWithoutTimeTakesTheRecordTime() {
        CloudEvent event = base(UUID.randomUUID().toString()).build();

        assertThat(reader.read("keygate.calls", T0, event).occurredAt()).isEqualTo(T0);
        assertThat(reader.read("keygate.calls", T0, event).data()).isNull();
    }

    @Test
    void whatPostgresCouldNotStoreIsUnreadable() {
        String id = UUID.randomUUID().toString();
        assertUnreadable(base("not-a-uuid").build());
        assertUnreadable(base(id).withData("application/json", bytes("{\"a\":")).build());
        assertUnreadable(base(id).withData("application/json", bytes("{\"a\":\"nul \\u0000\"}"))
                .build());
        assertUnreadable(base(id).withExtension("sequence", "seven").build());
        assertUnreadable(base(id).withExtension("tenantid", "a\0b").build());
    }

    private void assertUnreadable(CloudEvent event) {
        assertThatThrownBy(() -> reader.read("keygate.calls", T0, event)).isInstanceOf(UnreadableRecordException.class);
    }

    private static CloudEventBuilder base(String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/test")).withType("io.keygate.test.v1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
