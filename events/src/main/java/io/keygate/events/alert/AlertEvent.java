package io.keygate.events.alert;

import io.keygate.events.KeygateEvent;

/** Events analytics emits about anomalies in the call stream, published to {@code keygate.alerts}. */
public sealed interface AlertEvent extends KeygateEvent permits AlertRaised {}
