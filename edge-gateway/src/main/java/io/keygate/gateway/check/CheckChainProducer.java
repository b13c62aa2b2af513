package io.keygate.gateway.check;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.jwt.AccessTokenRules;
import io.keygate.gateway.jwt.AccessTokenVerifier;
import io.keygate.gateway.state.GatewayState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Assembles the request check chain, in order: cheapest rejection first. */
@ApplicationScoped
public class CheckChainProducer {

    @Produces
    @Singleton
    ApiKeyHasher apiKeyHasher(GatewayConfig config) {
        return new ApiKeyHasher(config.apiKey().pepper());
    }

    @Produces
    @Singleton
    AccessTokenVerifier accessTokenVerifier(GatewayConfig config, GatewayState state) {
        GatewayConfig.Jwt jwt = config.gateway().jwt();
        return new AccessTokenVerifier(
                new AccessTokenRules(
                        jwt.issuer(), jwt.audience(), jwt.allowedAlgorithms(), jwt.clockSkew(), jwt.maxTokenLength()),
                state.jwt(),
                jwt.verifiedCacheSize());
    }

    @Produces
    @Singleton
    CheckChain checkChain(
            GatewayState state, ApiKeyHasher hasher, AccessTokenVerifier accessTokens, GatewayConfig config) {
        return new CheckChain(List.of(
                new RouteMatchCheck(state.routes()),
                new BodySizeCheck(),
                new CredentialPresentCheck(
                        config.gateway().proxy().queryKeyParameter().orElse(null)),
                new KeyLookupCheck(state.tokens(), hasher),
                new AccessTokenCheck(accessTokens),
                new IpAllowedCheck(state.ipRules()),
                new ScopeCheck(),
                new SubscriptionCheck(state.subscriptions())));
    }
}
