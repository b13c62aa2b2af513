package io.keygate.token.apikey.service;

import io.keygate.events.token.ApiKeyState;

/**
 * A newly issued key: its state and the secret, which exists nowhere else and is shown once.
 *
 * @param secret the full API key
 * @param state  the key's state as published
 */
public record IssuedApiKey(String secret, ApiKeyState state) {

    @Override
    public String toString() {
        return "IssuedApiKey[secret=***, state=" + state + "]";
    }
}
