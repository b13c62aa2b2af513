package io.keygate.gateway.check;

import io.keygate.gateway.state.ScopeRule;

/**
 * The caller's credential must hold every scope the route requires for the request's method and path (403 otherwise). A
 * request no requirement covers needs no scope.
 */
public final class ScopeCheck implements RequestCheck {

    @Override
    public Rejection check(CallContext call) {
        for (ScopeRule rule : call.route().scopeRules()) {
            if (rule.covers(call.method(), call.path())
                    && !rule.isSatisfiedBy(call.caller().scopes())) {
                return Rejection.INSUFFICIENT_SCOPE;
            }
        }
        return null;
    }
}
