package io.keygate.policy;

import io.keygate.eventstore.RebuildProjectionsCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Entry point: without arguments the policy-service serves; {@code rebuild-projections} rebuilds every read
 * model (APIs, routes and their claims, plans, subscriptions, IP rules, token policies) from the event store and
 * exits (0 on success). It opens no port, publishes nothing and expires no IP rule meanwhile.
 */
@QuarkusMain
public class PolicyServiceMain implements QuarkusApplication {

    /** The policy-service's scheduler, off for a one-shot command. */
    private static final Map<String, String> ONE_SHOT = Map.of("keygate.ip-rule.expiry-check-interval", "0s");

    @Inject
    RebuildProjectionsCommand command;

    public static void main(String... args) {
        RebuildProjectionsCommand.prepare(args, ONE_SHOT);
        Quarkus.run(PolicyServiceMain.class, args);
    }

    @Override
    public int run(String... args) {
        return command.run("policy-service", System.out, System.err, args);
    }
}
