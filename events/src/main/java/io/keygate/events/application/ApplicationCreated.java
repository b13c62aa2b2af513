package io.keygate.events.application;

/**
 * An application was created. Type {@code io.keygate.application.created.v1}.
 *
 * @param application the application's state: status {@code ACTIVE}
 */
public record ApplicationCreated(ApplicationState application) implements ApplicationEvent {}
