package io.keygate.policy.api;

import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiEvent;
import io.keygate.events.policy.ApiOpenApiUploaded;
import io.keygate.events.policy.ApiRetired;
import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.ApiUpdated;
import io.keygate.eventstore.Decider;
import io.keygate.policy.api.ApiCommand.CreateApi;
import io.keygate.policy.api.ApiCommand.RetireApi;
import io.keygate.policy.api.ApiCommand.UpdateApi;
import io.keygate.policy.api.ApiCommand.UploadOpenApi;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The API aggregate (a catalog entry of the developer portal) as two pure functions: {@link #decide} checks a
 * command against the state and returns the events (or throws a rejection); {@link #evolve} folds an event
 * into the state, {@code null} before the API exists. That an API with active routes cannot be retired is
 * checked in the command's transaction (routes are aggregates of their own), not here.
 */
public final class Api {

    /** The aggregate type of APIs in the event store. */
    public static final String AGGREGATE_TYPE = "api";

    /** The rules below as the event store runs them. */
    public static final Decider<ApiCommand, ApiState, ApiEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Api::decide, Api::evolve);

    private Api() {}

    /** The events a command produces from {@code state} (null if the API does not exist). */
    public static List<ApiEvent> decide(ApiCommand command, ApiState state) {
        if (command instanceof CreateApi create) {
            return create(create, state);
        }
        ApiState api = existing(command, state);
        if (command instanceof RetireApi) {
            return api.status() == ApiStatus.RETIRED ? List.of() : List.of(new ApiRetired(api.retire(command.at())));
        }
        if (!api.acceptsChanges()) {
            throw new ApiRejectedException(new ApiRejection.Retired(api.apiId()));
        }
        if (command instanceof UpdateApi update) {
            return update(update, api);
        }
        UploadOpenApi upload = (UploadOpenApi) command;
        if (api.openApi() != null
                && api.openApi().sha256().equals(upload.document().sha256())
                && api.openApi().contentType().equals(upload.document().contentType())) {
            return List.of();
        }
        return List.of(new ApiOpenApiUploaded(api.withOpenApi(upload.document(), upload.at())));
    }

    /** The state after an event. */
    public static ApiState evolve(ApiState state, ApiEvent event) {
        return event.api();
    }

    /** The state after a history of events; null for none. */
    public static ApiState replay(List<? extends ApiEvent> history) {
        return DECIDER.replay(history);
    }

    private static List<ApiEvent> create(CreateApi create, ApiState state) {
        if (state != null) {
            throw new ApiRejectedException(new ApiRejection.AlreadyExists(create.apiId()));
        }
        ApiAttributes attributes = ApiAttributeRules.check(create.attributes());
        return List.of(new ApiCreated(new ApiState(
                create.apiId(),
                create.tenantId(),
                attributes.name(),
                attributes.description(),
                attributes.apiVersion(),
                attributes.visibility(),
                attributes.subscriptionApproval(),
                ApiStatus.ACTIVE,
                null,
                create.at(),
                create.at(),
                null)));
    }

    private static List<ApiEvent> update(UpdateApi update, ApiState api) {
        ApiAttributes current = ApiAttributes.of(api);
        ApiAttributes next = ApiAttributeRules.check(update.patch().applyTo(current));
        List<String> changed = Arrays.stream(ApiField.values())
                .filter(field -> !Objects.equals(field.valueIn(current), field.valueIn(next)))
                .map(ApiField::jsonName)
                .toList();
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of(new ApiUpdated(next.applyTo(api, update.at()), changed));
    }

    /** The state, if the API exists for the command's tenant (another tenant's does not exist for it). */
    private static ApiState existing(ApiCommand command, ApiState state) {
        if (state == null || !state.tenantId().equals(command.tenantId())) {
            throw new ApiRejectedException(new ApiRejection.NotFound(command.apiId()));
        }
        return state;
    }
}
