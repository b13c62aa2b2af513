package io.keygate.token.oauth.service;

import io.keygate.events.oauth.OAuthClientState;

/**
 * A client just registered, with the only copy of its secret there will ever be.
 *
 * @param secret the client secret; never stored, logged or published
 * @param state  the client's state as published
 */
public record RegisteredClient(String secret, OAuthClientState state) {

    @Override
    public String toString() {
        return "RegisteredClient[" + state.clientId() + ", secret=***]";
    }
}
