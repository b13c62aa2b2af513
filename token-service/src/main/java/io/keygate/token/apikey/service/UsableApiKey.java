package io.keygate.token.apikey.service;

import io.keygate.events.token.ApiKeyState;
import java.time.Instant;

/**
 * An API key that a presented secret may use now.
 *
 * @param key            the key's state
 * @param usableUntil    when this secret stops working (expiry, or the end of a rotation's grace period), or null
 * @param previousSecret whether the secret is the one a rotation replaced (valid only during the grace period)
 */
public record UsableApiKey(ApiKeyState key, Instant usableUntil, boolean previousSecret) {}
