package io.keygate.token.revocation.config;

import io.keygate.token.revocation.GatewayWatermarks;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one in-memory {@link GatewayWatermarks} of this token-service instance. */
public class GatewayWatermarksProducer {

    @Produces
    @Singleton
    GatewayWatermarks gatewayWatermarks(RevocationConfig config) {
        return new GatewayWatermarks(config.watermarkHistory(), config.forgetGatewaysAfter());
    }
}
