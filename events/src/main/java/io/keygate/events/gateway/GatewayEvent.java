package io.keygate.events.gateway;

import io.keygate.events.KeygateEvent;

/** Events a gateway replica emits about itself, published to {@code keygate.gateway-watermarks}. */
public sealed interface GatewayEvent extends KeygateEvent permits GatewayWatermarkPublished {}
