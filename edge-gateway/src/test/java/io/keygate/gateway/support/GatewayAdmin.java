package io.keygate.gateway.support;

import static io.restassured.RestAssured.given;

import io.keygate.testkit.TestSessions;
import java.time.Instant;

/** Reads the gateway's staleness as operators see it: the Prometheus gauge and the admin state view. */
public final class GatewayAdmin {

    private static final String STALENESS_GAUGE = "keygate_gateway_state_staleness_seconds";

    private GatewayAdmin() {}

    /** The staleness gauge's value in seconds, as scraped from {@code /q/metrics} (NaN before the first proof). */
    public static double stalenessGaugeSeconds() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(STALENESS_GAUGE + " ") || line.startsWith(STALENESS_GAUGE + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(STALENESS_GAUGE + " is not exposed");
    }

    /** The instant the admin view says the state is fresh as of; {@link Instant#EPOCH} before the first proof. */
    public static Instant freshAsOf() {
        String freshAsOf = given().header("Authorization", "Bearer " + TestSessions.platformAdmin())
                .get("/gateway/state")
                .jsonPath()
                .getString("freshAsOf");
        return freshAsOf == null ? Instant.EPOCH : Instant.parse(freshAsOf);
    }
}
