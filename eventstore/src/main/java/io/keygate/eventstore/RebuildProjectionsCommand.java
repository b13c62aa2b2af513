package io.keygate.eventstore;

import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code rebuild-projections} command every event-sourced service offers from its {@code main}: without
 * arguments the service serves; with the command it rebuilds every read model from the event store, prints what
 * it did and exits (0 on success, 2 for an unknown command). It runs against the configured database while the
 * service may be running, so it opens no port and relays nothing: {@link #prepare} turns those off before start.
 */
@ApplicationScoped
public class RebuildProjectionsCommand {

    /** The command's name on the command line. */
    public static final String NAME = "rebuild-projections";

    /** What every one-shot command turns off, so it does not compete with the running service. */
    private static final Map<String, String> ONE_SHOT =
            Map.of("quarkus.http.host-enabled", "false", "keygate.eventstore.relay.enabled", "false");

    private final ProjectionRebuilder rebuilder;

    RebuildProjectionsCommand(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /**
     * Before Quarkus starts: for a command line with arguments, sets the one-shot settings (the HTTP listener
     * and the outbox relay off, plus the service's own {@code serviceSettings}, e.g. its schedulers) unless the
     * operator set them explicitly.
     */
    public static void prepare(String[] args, Map<String, String> serviceSettings) {
        if (args.length == 0) {
            return;
        }
        Map<String, String> settings = new HashMap<>(ONE_SHOT);
        settings.putAll(serviceSettings);
        settings.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** Serves (no arguments) or runs the command; returns the exit code. */
    public int run(String service, PrintStream out, PrintStream err, String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && NAME.equals(args[0])) {
            RebuildReport report = rebuilder.rebuildAll().await().atMost(Duration.ofHours(1));
            report.aggregates()
                    .forEach((projection, count) -> out.printf(
                            "%s: %d aggregates, %d events%n",
                            projection, count, report.events().get(projection)));
            out.printf("Projections rebuilt in %d ms%n", report.took().toMillis());
            return 0;
        }
        err.println("Usage: " + service + " [" + NAME + "]");
        return 2;
    }
}
