package io.keygate.token.identity.rest;

import io.keygate.events.net.ClientAddresses;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.rest.CorrelationIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The client address of a request: the TCP peer, or behind configured trusted proxies the rightmost
 * {@code X-Forwarded-For} hop that is not one of them ({@link ClientAddresses}, as the edge gateway does).
 */
@ApplicationScoped
public class ClientIps {

    private final ClientAddresses addresses;

    ClientIps(IdentityConfig config) {
        this.addresses = ClientAddresses.trusting(config.trustedProxies().orElse(List.of()));
    }

    /** The origin of a request: client address and correlation id. */
    public RequestOrigin origin(HttpServerRequest request) {
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String client = addresses.resolve(peer, request.headers().getAll("X-Forwarded-For"));
        return new RequestOrigin(client, CorrelationIds.of(request.getHeader(CorrelationIds.HEADER)));
    }
}
