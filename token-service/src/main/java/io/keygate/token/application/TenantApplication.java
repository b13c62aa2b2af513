package io.keygate.token.application;

/** An application as a credential names it: by its id, within its tenant. */
public record TenantApplication(String tenantId, String applicationId) {}
