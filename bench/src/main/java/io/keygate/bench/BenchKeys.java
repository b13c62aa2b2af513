package io.keygate.bench;

import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The API keys of a bench run and the state that makes them valid, shared by the gateway benchmarks: the keys in the real format (their secrets in a file for wrk, their hashed states for the gateways),
 * and the publication of the tenant's route, subscriptions and keys as token- and policy-service publish them.
 */
final class BenchKeys {

    private final BenchTenant tenant;
    private final String pepper;
    private final List<String> secrets;
    private final List<ApiKeyState> keys;
    private final Path file;

    private BenchKeys(BenchTenant tenant, String pepper, List<String> secrets, List<ApiKeyState> keys, Path file) {
        this.tenant = tenant;
        this.pepper = pepper;
        this.secrets = secrets;
        this.keys = keys;
        this.file = file;
    }

    /**
     * {@code count} new keys of {@code tenant} hashed under {@code pepper}, their secrets written to
     * {@code api-keys.txt} in {@code directory}.
     */
    static BenchKeys create(BenchTenant tenant, int count, Path directory, String pepper) throws IOException {
        SecureRandom random = new SecureRandom();
        ApiKeyHasher hasher = new ApiKeyHasher(pepper);
        List<String> secrets = new ArrayList<>(count);
        List<ApiKeyState> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String secret = BenchTenant.newSecret(random);
            secrets.add(secret);
            keys.add(tenant.activeKey(i, secret, hasher));
        }
        Path file = Files.write(directory.resolve("api-keys.txt"), secrets);
        return new BenchKeys(tenant, pepper, secrets, keys, file);
    }

    /**
     * Publishes the route to {@code upstreamUrl}, {@code before} (e.g. the plan the subscriptions are on), the
     * approved subscriptions and the keys, creating the topics first; returns once the broker has them all.
     */
    void publish(String bootstrap, String upstreamUrl, List<? extends KeygateEvent> before) throws Exception {
        StatePublisher.createTopics(bootstrap);
        try (StatePublisher publisher = new StatePublisher(bootstrap, 20)) {
            publisher.send(1, new RouteDefined(tenant.route(upstreamUrl)));
            for (KeygateEvent event : before) {
                publisher.send(1, event);
            }
            for (SubscriptionState subscription : tenant.subscriptions()) {
                publisher.send(1, new SubscriptionApproved(subscription));
            }
            for (ApiKeyState key : keys) {
                publisher.send(1, new ApiKeyIssued(key));
            }
            publisher.flush();
        }
    }

    /** The pepper the gateways hash presented keys with. */
    String pepper() {
        return pepper;
    }

    /** The secrets, in key order. */
    List<String> secrets() {
        return secrets;
    }

    /** The keys' states as published, in key order. */
    List<ApiKeyState> states() {
        return keys;
    }

    /** The file of secrets, one a line, for {@code load/rotate-api-keys.lua}. */
    Path file() {
        return file;
    }

    /** A new random pepper for a run (the gateways get it in their environment). */
    static String newPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
