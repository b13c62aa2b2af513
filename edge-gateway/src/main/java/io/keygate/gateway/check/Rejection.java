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
    CREDENTIAL_KIND_NOT_ACCEPTED(CallOutcome.CREDENTIAL_KIND_NOT_ACCEPTED, GatewayProblem.CREDENTIAL_KIND_NOT_ACCEPTED),
    MALFORMED_TOKEN(CallOutcome.MALFORMED_TOKEN, GatewayProblem.INVALID_CREDENTIAL),
    TOKEN_ALGORITHM_NOT_ALLOWED(CallOutcome.TOKEN_ALGORITHM_NOT_ALLOWED, GatewayProblem.INVALID_CREDENTIAL),
    WRONG_TOKEN_TYPE(CallOutcome.WRONG_TOKEN_TYPE, GatewayProblem.INVALID_CREDENTIAL),
    UNKNOWN_SIGNING_KEY(CallOutcome.UNKNOWN_SIGNING_KEY, GatewayProblem.INVALID_CREDENTIAL),
    INVALID_TOKEN_SIGNATURE(CallOutcome.INVALID_TOKEN_SIGNATURE, GatewayProblem.INVALID_CREDENTIAL),
    TOKEN_EXPIRED(CallOutcome.TOKEN_EXPIRED, GatewayProblem.INVALID_CREDENTIAL),
    TOKEN_NOT_YET_VALID(CallOutcome.TOKEN_NOT_YET_VALID, GatewayProblem.INVALID_CREDENTIAL),
    WRONG_ISSUER(CallOutcome.WRONG_ISSUER, GatewayProblem.INVALID_CREDENTIAL),
    WRONG_AUDIENCE(CallOutcome.WRONG_AUDIENCE, GatewayProblem.INVALID_CREDENTIAL),
    TOKEN_REVOKED(CallOutcome.TOKEN_REVOKED, GatewayProblem.INVALID_CREDENTIAL),
    CLIENT_REVOKED(CallOutcome.CLIENT_REVOKED, GatewayProblem.INVALID_CREDENTIAL),
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
