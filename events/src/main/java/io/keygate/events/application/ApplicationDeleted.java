package io.keygate.events.application;

/**
 * An application was deleted: no credential may be issued for it any more, and each of its active API
 * keys and OAuth2 clients is revoked by its own revocation event after this one (same correlation id).
 * Type {@code io.keygate.application.deleted.v1}.
 *
 * @param application the application's state: status {@code DELETED}, with its deletion time
 */
public record ApplicationDeleted(ApplicationState application) implements ApplicationEvent {}
