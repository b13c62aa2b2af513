package io.keygate.events.application;

import java.util.List;

/**
 * Attributes of an application changed. Type {@code io.keygate.application.updated.v1}.
 *
 * @param application   the application's full state after the change: status {@code ACTIVE}
 * @param changedFields names of the {@link ApplicationState} attributes that changed, e.g. {@code description}
 */
public record ApplicationUpdated(ApplicationState application, List<String> changedFields) implements ApplicationEvent {

    public ApplicationUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
