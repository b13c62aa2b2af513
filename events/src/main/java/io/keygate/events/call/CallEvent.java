package io.keygate.events.call;

import io.keygate.events.KeygateEvent;

/** Events the gateway emits about requests, published to {@code keygate.calls}. */
public sealed interface CallEvent extends KeygateEvent permits CallRecorded {}
