package io.keygate.gateway.check;

import java.util.List;

/** The ordered request checks; tracing and metrics wrap the chain, they are not steps in it. */
public final class CheckChain {

    private final RequestCheck[] checks;

    public CheckChain(List<RequestCheck> checks) {
        this.checks = checks.toArray(RequestCheck[]::new);
    }

    /** Runs the checks in order; returns the first rejection, or null when every check passed. */
    public Rejection run(CallContext call) {
        for (RequestCheck check : checks) {
            Rejection rejection = check.check(call);
            if (rejection != null) {
                return rejection;
            }
        }
        return null;
    }
}
