package io.keygate.token.apikey.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.keygate.token.apikey.service.IssuedApiKey;

/**
 * Answer to a create: the only response that ever contains the secret {@code key}, beside the same
 * fields as {@link ApiKeyView}.
 */
public record CreatedApiKey(String key, @JsonUnwrapped ApiKeyView view) {

    static CreatedApiKey of(IssuedApiKey issued) {
        return new CreatedApiKey(issued.secret(), ApiKeyView.of(issued.state()));
    }

    @Override
    public String toString() {
        return "CreatedApiKey[key=***, view=" + view + "]";
    }
}
