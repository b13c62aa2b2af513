package io.keygate.token;

import io.keygate.eventstore.ProjectionRebuilder;
import io.keygate.eventstore.RebuildReport;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Entry point: without arguments the token-service serves; {@code rebuild-projections} rebuilds every read
 * model from the event store and exits (0 on success). The command runs against the configured database
 * while the service may be running: it opens no port, publishes nothing and schedules nothing.
 */
@QuarkusMain
public class TokenServiceMain implements QuarkusApplication {

    static final String REBUILD_PROJECTIONS = "rebuild-projections";
    /** What a one-shot command turns off, so it does not compete with the running service. */
    private static final Map<String, String> ONE_SHOT = Map.of(
            "quarkus.http.host-enabled", "false",
            "keygate.eventstore.relay.enabled", "false",
            "keygate.api-key.expiry-check-interval", "0s",
            "keygate.application.credential-sweep-interval", "0s",
            "keygate.oauth.signing-keys.maintained", "false");

    @Inject
    ProjectionRebuilder rebuilder;

    public static void main(String... args) {
        if (args.length > 0) {
            ONE_SHOT.forEach((key, value) -> {
                if (System.getProperty(key) == null) {
                    System.setProperty(key, value);
                }
            });
        }
        Quarkus.run(TokenServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && REBUILD_PROJECTIONS.equals(args[0])) {
            RebuildReport report = rebuilder.rebuildAll().await().atMost(Duration.ofHours(1));
            report.aggregates()
                    .forEach((projection, count) -> System.out.printf(
                            "%s: %d aggregates, %d events%n",
                            projection, count, report.events().get(projection)));
            System.out.printf("Projections rebuilt in %d ms%n", report.took().toMillis());
            return 0;
        }
        System.err.println("Usage: token-service [" + REBUILD_PROJECTIONS + "]");
        return 2;
    }
}
