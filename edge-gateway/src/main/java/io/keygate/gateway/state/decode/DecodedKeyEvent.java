package io.keygate.gateway.state.decode;

import io.keygate.gateway.state.EnforcedKey;

/**
 * A token event read by the {@link TokenEventDecoder}: the key's enforced state and the aggregate sequence it is at.
 *
 * @param sequence the key's version after the event (CloudEvents extension {@code sequence}; 0 when absent)
 * @param key      what the gateway enforces of the key
 */
public record DecodedKeyEvent(long sequence, EnforcedKey key) {}
