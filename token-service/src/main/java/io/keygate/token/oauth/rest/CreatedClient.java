package io.keygate.token.oauth.rest;

import io.keygate.token.oauth.service.RegisteredClient;
import java.time.Instant;
import java.util.List;

/** Answer to a registration: the only response that ever contains {@code clientSecret}. */
public record CreatedClient(
        String clientId,
        String clientSecret,
        String tenantId,
        String applicationId,
        String name,
        String maskedSecret,
        List<String> scopes,
        String status,
        Instant createdAt) {

    static CreatedClient of(RegisteredClient registered) {
        var client = registered.state();
        return new CreatedClient(
                client.clientId(),
                registered.secret(),
                client.tenantId(),
                client.applicationId(),
                client.name(),
                client.maskedSecret(),
                client.scopes(),
                client.status().name(),
                client.createdAt());
    }

    @Override
    public String toString() {
        return "CreatedClient[clientId=" + clientId + ", clientSecret=***]";
    }
}
