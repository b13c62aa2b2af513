package io.keygate.events.identity;

/**
 * A service account was created; its secret was shown once to its creator. Type
 * {@code io.keygate.identity.service-account-created.v1}.
 *
 * @param serviceAccount the account's state: status {@code ACTIVE}
 */
public record ServiceAccountCreated(ServiceAccountState serviceAccount) implements ServiceAccountEvent {}
