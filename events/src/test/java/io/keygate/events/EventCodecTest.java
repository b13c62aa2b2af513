package io.keygate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.token.TokenEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeSurvivesTheKafkaBinaryModeRoundTrip(EventType type) {
        for (KeygateEvent sample : SampleEvents.all().get(type)) {
            EventEnvelope<KeygateEvent> sent =
                    EventEnvelope.create("/token-service", 7, SampleEvents.T0, "corr-1", "cause-1", sample);

            EventEnvelope<KeygateEvent> received = codec.fromCloudEvent(throughKafka(codec.toCloudEvent(sent)));

            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void aConsumerOfASharedTopicReadsOnlyTheKindItAsksFor() {
        KeygateEvent revoked = SampleEvents.all().get(EventType.API_KEY_REVOKED).get(0);
        CloudEvent event =
                codec.toCloudEvent(EventEnvelope.create("/token-service", 2, SampleEvents.T0, "c", null, revoked));
        CloudEvent unknown =
                CloudEventBuilder.v1(event).withType("io.keygate.unknown.v1").build();

        assertThat(codec.fromCloudEventIf(event, TokenEvent.class))
                .hasValueSatisfying(
                        envelope -> assertThat(envelope.data().key().keyId()).isEqualTo("key_01"));
        assertThat(codec.fromCloudEventIf(event, AlertRaised.class)).isEmpty();
        assertThat(codec.fromCloudEventIf(unknown, TokenEvent.class)).isEmpty();
        assertThat(codec.fromCloudEventIf(null, TokenEvent.class)).isEmpty();
    }

    @Test
    void cloudEventCarriesTheEnvelopeAttributes() {
        KeygateEvent sample = SampleEvents.all().get(EventType.API_KEY_REVOKED).get(0);
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create("/token-service", 2, SampleEvents.T0, "c", null, sample);

        CloudEvent event = codec.toCloudEvent(envelope);

        assertThat(event.getType()).isEqualTo("io.keygate.apikey.revoked.v1");
        assertThat(event.getSubject()).isEqualTo("key_01");
        assertThat(event.getExtension(EventCodec.EXT_TENANT)).isEqualTo("acme");
        assertThat(event.getExtension(EventCodec.EXT_SEQUENCE)).isEqualTo("2");
        assertThat(event.getExtension(EventCodec.EXT_CAUSATION)).isNull();
        assertThat(event.getExtension(EventCodec.EXT_ACTOR)).isNull();
        assertThat(event.getExtension(EventCodec.EXT_CLIENT_IP)).isNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
    }

    @Test
    void actorAndClientAddressTravelAsExtensionsWhenKnown() {
        KeygateEvent sample = SampleEvents.all().get(EventType.API_KEY_REVOKED).get(0);
        EventEnvelope<KeygateEvent> sent = EventEnvelope.create("/token-service", 3, SampleEvents.T0, "c", null, sample)
                .withOrigin("user:usr_1", "203.0.113.9");

        CloudEvent event = throughKafka(codec.toCloudEvent(sent));

        assertThat(event.getExtension(EventCodec.EXT_ACTOR)).isEqualTo("user:usr_1");
        assertThat(event.getExtension(EventCodec.EXT_CLIENT_IP)).isEqualTo("203.0.113.9");
        assertThat(codec.fromCloudEvent(event)).isEqualTo(sent);
    }

    @Test
    void apiKeyWrittenBeforeTheLaterAttributesStillReads() {
        String old = """
                {"key":{"keyId":"key_01","tenantId":"acme","name":"ci","maskedKey":"kg_live_AbCd…wXyZ",
                "keyHash":"%s","scopes":["a"],"status":"ACTIVE","createdAt":"2026-11-29T10:15:30Z"}}""".formatted(SampleEvents.HASH);

        var issued = codec.fromJson(old.getBytes(StandardCharsets.UTF_8), io.keygate.events.token.ApiKeyIssued.class);

        assertThat(issued.key().ipAllowList()).isEmpty();
        assertThat(issued.key().metadata()).isNull();
        assertThat(issued.key().previousKeyHash()).isNull();
        assertThat(issued.key().isUsableAt(SampleEvents.T0)).isTrue();
    }

    @Test
    void eventIdsAreVersion7AndTimeOrdered() {
        UUID first = EventEnvelope.newEventId();
        UUID second = EventEnvelope.newEventId();
        assertThat(first.version()).isEqualTo(7);
        assertThat(second.toString()).isGreaterThan(first.toString());
    }

    @Test
    void unknownTypeIsUnreadable() {
        CloudEvent unknown = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/elsewhere"))
                .withType("com.example.thing.v1")
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThatThrownBy(() -> codec.fromCloudEvent(unknown))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("com.example.thing.v1");
    }

    @Test
    void dataThatDoesNotFitTheTypeIsUnreadable() {
        CloudEvent broken = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/token-service"))
                .withType(EventType.API_KEY_ISSUED.type())
                .withData("{\"key\": 42}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThatThrownBy(() -> codec.fromCloudEvent(broken)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void additiveSchemaChangesAreReadByOlderConsumers() {
        String newer = "{\"route\":{\"routeId\":\"r\",\"tenantId\":\"t\",\"apiId\":\"a\",\"host\":\"*\","
                + "\"pathPrefix\":\"/\",\"targets\":[{\"url\":\"http://u\",\"weight\":1}],\"status\":\"ACTIVE\","
                + "\"version\":1,\"updatedAt\":\"2026-11-29T00:00:00Z\",\"addedLater\":true}}";
        var route = codec.fromJson(newer.getBytes(StandardCharsets.UTF_8), io.keygate.events.policy.RouteDefined.class);
        assertThat(route.route().routeId()).isEqualTo("r");
    }

    private static CloudEvent throughKafka(CloudEvent event) {
        try (CloudEventSerializer serializer = new CloudEventSerializer();
                CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(), false);
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize("keygate.tokens", headers, event);
            return deserializer.deserialize("keygate.tokens", headers, value);
        }
    }
}
