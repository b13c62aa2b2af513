package io.keygate.suite;

import io.keygate.testkit.FreePorts;

/**
 * Where each part of the suite listens.
 *
 * @param gatewayProxy the gateway's proxy (data plane)
 * @param gatewayAdmin the gateway's admin API (health, metrics, state)
 * @param token        token-service
 * @param policy       policy-service
 * @param audit        audit-service
 * @param analytics    analytics-service
 * @param upstream     the demo upstream API
 */
public record SuitePorts(
        int gatewayProxy, int gatewayAdmin, int token, int policy, int audit, int analytics, int upstream) {

    /** The documented ports of the local run. */
    public static SuitePorts standard() {
        return new SuitePorts(8080, 8180, 8081, 8082, 8083, 8084, 8070);
    }

    /** Free ports, for tests that must not collide with a local run. */
    public static SuitePorts free() {
        return new SuitePorts(
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next());
    }
}
