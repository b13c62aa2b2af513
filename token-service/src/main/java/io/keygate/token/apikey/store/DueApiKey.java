package io.keygate.token.apikey.store;

/**
 * A key the expiry scheduler has to act on.
 *
 * @param tenantId owning tenant
 * @param keyId    the key
 */
public record DueApiKey(String tenantId, String keyId) {}
