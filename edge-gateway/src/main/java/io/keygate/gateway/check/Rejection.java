package io.keygate.gateway.check;

import io.keygate.events.call.CallOutcome;
import io.keygate.gateway.problem.GatewayProblem;

/**
 * Why the check chain refused a request: the precise outcome for the call record and the problem the
 * client sees, which is deliberately less precise for credentials.
 */
public enum Rejection {
    MALFORMED_REQUEST(CallOutcome.MALFORMED_REQUEST, GatewayProblem.MALFORMED_REQUEST),
    METHOD_NOT_ALLOWED(CallOutcome.METHOD_NOT_ALLOWED, GatewayProblem.METHOD_NOT_ALLOWED),
    BODY_TOO_LARGE(CallOutcome.BODY_TOO_LARGE, GatewayProblem.BODY_TOO_LARGE),
    NO_ROUTE(CallOutcome.NO_ROUTE, GatewayProblem.NO_ROUTE),
    MISSING_CREDENTIAL(CallOutcome.MISSING_CREDENTIAL, GatewayProblem.MISSING_CREDENTIAL),
    KEY_IN_QUERY(CallOutcome.KEY_IN_QUERY, GatewayProblem.KEY_IN_QUERY),
    UNKNOWN_KEY(CallOutcome.UNKNOWN_KEY, GatewayProblem.INVALID_CREDENTIAL),
    REVOKED_KEY(CallOutcome.REVOKED_KEY, GatewayProblem.INVALID_CREDENTIAL),
    EXPIRED_KEY(CallOutcome.EXPIRED_KEY, GatewayProblem.INVALID_CREDENTIAL),
    WRONG_TENANT(CallOutcome.WRONG_TENANT, GatewayProblem.WRONG_TENANT),
    IP_NOT_ALLOWED(CallOutcome.IP_NOT_ALLOWED, GatewayProblem.IP_NOT_ALLOWED),
    INSUFFICIENT_SCOPE(CallOutcome.INSUFFICIENT_SCOPE, GatewayProblem.INSUFFICIENT_SCOPE),
    NO_SUBSCRIPTION(CallOutcome.NO_SUBSCRIPTION, GatewayProblem.NO_SUBSCRIPTION);

    private final CallOutcome outcome;
    private final GatewayProblem problem;

    Rejection(CallOutcome outcome, GatewayProblem problem) {
        this.outcome = outcome;
        this.problem = problem;
    }

    /** The outcome recorded in the call record. */
    public CallOutcome outcome() {
        return outcome;
    }

    /** The problem answered to the client. */
    public GatewayProblem problem() {
        return problem;
    }
}
