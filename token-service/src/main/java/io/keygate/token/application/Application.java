package io.keygate.token.application;

import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationEvent;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.eventstore.Decider;
import io.keygate.token.application.ApplicationCommand.CreateApplication;
import io.keygate.token.application.ApplicationCommand.DeleteApplication;
import io.keygate.token.application.ApplicationCommand.UpdateApplication;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The application aggregate as two pure functions: {@link #decide} checks a command against the current
 * state and returns the events (or throws a rejection); {@link #evolve} folds an event into the state.
 * The state is the {@link ApplicationState} the events carry, or {@code null} before the application exists.
 *
 * <p>Revoking the credentials of a deleted application is not decided here: each credential is an
 * aggregate of its own, revoked after the deletion by the credential sweeper.
 */
public final class Application {

    /** The aggregate type of applications in the event store. */
    public static final String AGGREGATE_TYPE = "application";

    /** The rules below as the event store runs them. */
    public static final Decider<ApplicationCommand, ApplicationState, ApplicationEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Application::decide, Application::evolve);

    private Application() {}

    /** The events a command produces from {@code state} (null if the application does not exist). */
    public static List<ApplicationEvent> decide(ApplicationCommand command, ApplicationState state) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (command instanceof CreateApplication create) {
            return create(create, state);
        }
        if (command instanceof UpdateApplication update) {
            return update(update, state);
        }
        return delete((DeleteApplication) command, state);
    }

    /** The state after an event. */
    public static ApplicationState evolve(ApplicationState state, ApplicationEvent event) {
        return event.application();
    }

    /** The state after a history of events; null for none. */
    public static ApplicationState replay(List<? extends ApplicationEvent> history) {
        return DECIDER.replay(history);
    }

    private static List<ApplicationEvent> create(CreateApplication create, ApplicationState state) {
        if (state != null) {
            throw new ApplicationRejectedException(new ApplicationRejection.AlreadyExists(create.applicationId()));
        }
        ApplicationAttributes attributes = ApplicationAttributeRules.check(create.attributes());
        return List.of(new ApplicationCreated(new ApplicationState(
                create.applicationId(),
                create.tenantId(),
                attributes.name(),
                attributes.description(),
                attributes.contactEmail(),
                attributes.ownerId(),
                attributes.teamId(),
                ApplicationStatus.ACTIVE,
                create.at(),
                create.at(),
                null)));
    }

    private static List<ApplicationEvent> update(UpdateApplication update, ApplicationState state) {
        existing(update, state);
        if (!state.acceptsCredentials()) {
            throw new ApplicationRejectedException(new ApplicationRejection.Deleted(state.applicationId()));
        }
        ApplicationAttributes current = ApplicationAttributes.of(state);
        ApplicationAttributes next =
                ApplicationAttributeRules.check(update.patch().applyTo(current));
        List<String> changed = Arrays.stream(ApplicationField.values())
                .filter(field -> !Objects.equals(field.valueIn(current), field.valueIn(next)))
                .map(ApplicationField::jsonName)
                .toList();
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of(new ApplicationUpdated(next.applyTo(state, update.at()), changed));
    }

    private static List<ApplicationEvent> delete(DeleteApplication delete, ApplicationState state) {
        existing(delete, state);
        if (state.status() == ApplicationStatus.DELETED) {
            return List.of();
        }
        return List.of(new ApplicationDeleted(new ApplicationState(
                state.applicationId(),
                state.tenantId(),
                state.name(),
                state.description(),
                state.contactEmail(),
                state.ownerId(),
                state.teamId(),
                ApplicationStatus.DELETED,
                state.createdAt(),
                delete.at(),
                delete.at())));
    }

    /** The state, if the application exists for the command's tenant (another tenant's does not exist for it). */
    private static ApplicationState existing(ApplicationCommand command, ApplicationState state) {
        if (state == null || !state.tenantId().equals(command.tenantId())) {
            throw new ApplicationRejectedException(new ApplicationRejection.NotFound(command.applicationId()));
        }
        return state;
    }
}
