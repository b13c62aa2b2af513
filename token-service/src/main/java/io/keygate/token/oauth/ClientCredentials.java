package io.keygate.token.oauth;

import java.util.Objects;

/**
 * A client id and secret as presented at the token endpoint. The secret is never printed.
 *
 * @param clientId    the presented {@code client_id}
 * @param secret      the presented client secret
 * @param viaBasicAuth whether they came in an HTTP Basic {@code Authorization} header (RFC 6749 §2.3.1)
 */
public record ClientCredentials(String clientId, String secret, boolean viaBasicAuth) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=***]";
    }
}
