package io.keygate.policy.testdata;

import static io.restassured.RestAssured.given;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.testkit.Testkit;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;

/** REST calls and topic reads the policy-service tests share. */
public final class PolicyCalls {

    private static final EventCodec CODEC = new EventCodec();

    private PolicyCalls() {}

    /** Creates an API of the tenant and returns its id. */
    public static String createApi(String tenant, String visibility) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orders", "apiVersion", "v1", "visibility", visibility))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A minimal route body: any host, every method, one target. */
    public static Map<String, Object> route(String prefix, String url) {
        return Map.of("pathPrefix", prefix, "targets", List.of(Map.of("url", url)));
    }

    /** Every event published for an aggregate so far. */
    public static List<KeygateEvent> published(String aggregateId) {
        return Testkit.kafka()
                .readAll(Topic.POLICIES.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> aggregateId.equals(r.key()))
                .map(r -> CODEC.fromCloudEvent(r.value()).data())
                .toList();
    }
}
