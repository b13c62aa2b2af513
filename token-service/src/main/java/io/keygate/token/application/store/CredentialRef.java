package io.keygate.token.application.store;

/**
 * A credential the sweeper has to revoke.
 *
 * @param tenantId     owning tenant
 * @param credentialId the API key's or OAuth2 client's id
 */
public record CredentialRef(String tenantId, String credentialId) {}
