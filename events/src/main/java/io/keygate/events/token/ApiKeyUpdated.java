package io.keygate.events.token;

import java.util.List;

/**
 * Attributes of an API key changed (never its secret). Type {@code io.keygate.apikey.updated.v1}.
 *
 * @param key           the key's full state after the change
 * @param changedFields names of the {@link ApiKeyState} attributes that changed, e.g. {@code scopes}
 */
public record ApiKeyUpdated(ApiKeyState key, List<String> changedFields) implements TokenEvent {

    public ApiKeyUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
