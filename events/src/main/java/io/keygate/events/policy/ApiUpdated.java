package io.keygate.events.policy;

import java.util.List;

/**
 * Attributes of an API changed. Type {@code io.keygate.api.updated.v1}.
 *
 * @param api           the API's full state after the change
 * @param changedFields names of the changed attributes, e.g. {@code visibility}
 */
public record ApiUpdated(ApiState api, List<String> changedFields) implements ApiEvent {

    public ApiUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
