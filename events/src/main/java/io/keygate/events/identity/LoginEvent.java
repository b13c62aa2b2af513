package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/**
 * Login attempts, published to {@code keygate.identities}: facts, each its own aggregate with a unique id
 * ({@code login_} + a UUIDv7 without dashes), so they never replace a user's full-state record when the topic is
 * compacted. Never the password, code or what was typed as the e-mail address of an unknown user.
 */
public sealed interface LoginEvent extends KeygateEvent permits LoginSucceeded, LoginFailed {

    /** The attempt's id: the aggregate id and record key. */
    String attemptId();

    @Override
    default String aggregateId() {
        return attemptId();
    }
}
