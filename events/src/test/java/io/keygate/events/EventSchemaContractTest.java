package io.keygate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.keygate.events.call.CallOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the records, the JSON Schemas and asyncapi.yaml from drifting apart. */
class EventSchemaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers ->
                    mappers.mapPrefix("https://schemas.keygate.io/events/", "classpath:io/keygate/events/schemas/")));

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleOfEachTypeMatchesItsSchema(EventType type) throws IOException {
        JsonSchema schema = schemaOf(type);
        List<KeygateEvent> samples = SampleEvents.all().get(type);
        assertThat(samples).as("samples for %s", type).isNotEmpty();
        for (KeygateEvent sample : samples) {
            JsonNode json = JSON.readTree(codec.toJson(sample));
            Set<ValidationMessage> errors = schema.validate(json);
            assertThat(errors).as("%s as %s", type.type(), json).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAFieldTheRecordDoesNotHave(EventType type) throws IOException {
        JsonNode json = JSON.readTree(codec.toJson(SampleEvents.all().get(type).get(0)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("unexpectedField", "x");
        assertThat(schemaOf(type).validate(json)).isNotEmpty();
    }

    @Test
    void asyncApiDescribesEveryEventTypeOnItsTopicWithItsSchema() throws IOException {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(Path.of("asyncapi.yaml")));
        for (EventType type : EventType.values()) {
            JsonNode message = findMessage(asyncApi, type.type());
            assertThat(message).as("message %s in asyncapi.yaml", type.type()).isNotNull();
            String schemaRef = message.at("/payload/schema/$ref").asText();
            assertThat(Path.of(schemaRef))
                    .as("schema of %s", type.type())
                    .isEqualTo(Path.of("src/main/resources" + type.schemaResource()));
            assertThat(Files.exists(Path.of(schemaRef))).isTrue();
            assertThat(channelAddressesCarrying(asyncApi, message))
                    .as("topic of %s", type.type())
                    .containsExactly(type.topic().topicName());
        }
    }

    @Test
    void callRecordSchemaListsEveryCallOutcome() throws IOException {
        JsonNode schema;
        try (InputStream in =
                EventSchemaContractTest.class.getResourceAsStream(EventType.CALL_RECORDED.schemaResource())) {
            schema = JSON.readTree(in);
        }
        List<String> listed = new ArrayList<>();
        schema.at("/properties/outcome/enum").forEach(value -> listed.add(value.asText()));

        assertThat(listed)
                .containsExactlyInAnyOrder(
                        Arrays.stream(CallOutcome.values()).map(Enum::name).toArray(String[]::new));
    }

    private static JsonSchema schemaOf(EventType type) throws IOException {
        try (InputStream in = EventSchemaContractTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema resource %s", type.schemaResource()).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return SCHEMAS.getSchema(in, config);
        }
    }

    private static JsonNode findMessage(JsonNode asyncApi, String name) {
        for (JsonNode message : asyncApi.at("/components/messages")) {
            if (name.equals(message.path("name").asText())) {
                return message;
            }
        }
        return null;
    }

    private static List<String> channelAddressesCarrying(JsonNode asyncApi, JsonNode message) {
        List<String> addresses = new ArrayList<>();
        asyncApi.at("/components/messages").fields().forEachRemaining(entry -> {
            if (entry.getValue() == message) {
                String ref = "#/components/messages/" + entry.getKey();
                asyncApi.path("channels")
                        .forEach(channel -> channel.path("messages").forEach(m -> {
                            if (ref.equals(m.path("$ref").asText())) {
                                addresses.add(channel.path("address").asText());
                            }
                        }));
            }
        });
        return addresses;
    }
}
