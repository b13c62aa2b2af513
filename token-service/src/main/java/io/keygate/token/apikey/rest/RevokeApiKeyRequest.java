package io.keygate.token.apikey.rest;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /tenants/{tenantId}/api-keys/{keyId}/revoke}.
 *
 * @param reason why, kept in the audit trail
 */
public record RevokeApiKeyRequest(@Size(max = 500) String reason) {}
