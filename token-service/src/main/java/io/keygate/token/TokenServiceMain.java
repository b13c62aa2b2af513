package io.keygate.token;

import io.keygate.eventstore.RebuildProjectionsCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Entry point: without arguments the token-service serves; {@code rebuild-projections} rebuilds every read
 * model from the event store and exits (0 on success). The command runs against the configured database
 * while the service may be running: it opens no port, publishes nothing and schedules nothing.
 */
@QuarkusMain
public class TokenServiceMain implements QuarkusApplication {

    /** The token-service's schedulers, off for a one-shot command. */
    private static final Map<String, String> ONE_SHOT = Map.of(
            "keygate.api-key.expiry-check-interval", "0s",
            "keygate.application.credential-sweep-interval", "0s",
            "keygate.token-policy.check-interval", "0s",
            "keygate.oauth.signing-keys.maintained", "false",
            "keygate.identity.bootstrap.enabled", "false");

    @Inject
    RebuildProjectionsCommand command;

    public static void main(String... args) {
        RebuildProjectionsCommand.prepare(args, ONE_SHOT);
        Quarkus.run(TokenServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        return command.run("token-service", System.out, System.err, args);
    }
}
