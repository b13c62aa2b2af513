package io.keygate.token.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationEvent;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.application.ApplicationStatus;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.token.application.ApplicationCommand.CreateApplication;
import io.keygate.token.application.ApplicationCommand.DeleteApplication;
import io.keygate.token.application.ApplicationCommand.UpdateApplication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** given(events).when(command).then(events or rejection), no database. */
class ApplicationTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String ID = "app_0123456789abcdef0123456789abcdef";
    private static final CreateApplication CREATE = new CreateApplication(
            ID, "acme", new ApplicationAttributes("Partner portal", "orders sync", "team@example.com", null, null), T0);

    @Test
    void creatingEmitsCreatedWithActiveState() {
        assertThat(given().when(CREATE)).singleElement().isInstanceOfSatisfying(ApplicationCreated.class, created -> {
            ApplicationState application = created.application();
            assertThat(application.status()).isEqualTo(ApplicationStatus.ACTIVE);
            assertThat(application.name()).isEqualTo("Partner portal");
            assertThat(application.contactEmail()).isEqualTo("team@example.com");
            assertThat(application.createdAt()).isEqualTo(T0);
            assertThat(application.updatedAt()).isEqualTo(T0);
            assertThat(application.deletedAt()).isNull();
        });
    }

    @Test
    void creatingAnExistingIdIsRejected() {
        expectRejection(() -> given(CREATE).when(CREATE), ApplicationRejection.AlreadyExists.class);
    }

    @Test
    void updatingEmitsTheNewStateAndOnlyTheFieldsThatChanged() {
        UpdateApplication update = update(patch(
                Set.of(ApplicationField.NAME, ApplicationField.DESCRIPTION, ApplicationField.CONTACT_EMAIL),
                "Partner portal",
                "hourly sync",
                null));

        assertThat(given(CREATE).when(update))
                .singleElement()
                .isInstanceOfSatisfying(ApplicationUpdated.class, updated -> {
                    assertThat(updated.changedFields()).containsExactly("description", "contactEmail");
                    assertThat(updated.application().description()).isEqualTo("hourly sync");
                    assertThat(updated.application().contactEmail()).isNull();
                    assertThat(updated.application().name()).isEqualTo("Partner portal");
                    assertThat(updated.application().updatedAt()).isEqualTo(T0.plusSeconds(60));
                    assertThat(updated.application().createdAt()).isEqualTo(T0);
                });
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        UpdateApplication same = update(patch(Set.of(ApplicationField.NAME), "Partner portal", null, null));
        assertThat(given(CREATE).when(same)).isEmpty();
        assertThat(given(CREATE).when(update(patch(Set.of(), null, null, null))))
                .isEmpty();
    }

    @Test
    void updatingADeletedApplicationIsRejected() {
        UpdateApplication update = update(patch(Set.of(ApplicationField.DESCRIPTION), null, "x", null));
        expectRejection(() -> given(CREATE, delete()).when(update), ApplicationRejection.Deleted.class);
    }

    @Test
    void deletingEmitsDeletedWithItsTimeAndKeepsTheAttributes() {
        assertThat(given(CREATE).when(delete())).singleElement().isInstanceOfSatisfying(ApplicationDeleted.class, e -> {
            assertThat(e.application().status()).isEqualTo(ApplicationStatus.DELETED);
            assertThat(e.application().deletedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(e.application().updatedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(e.application().name()).isEqualTo("Partner portal");
            assertThat(e.application().acceptsCredentials()).isFalse();
        });
    }

    @Test
    void deletingADeletedApplicationEmitsNothing() {
        assertThat(given(CREATE, delete()).when(delete())).isEmpty();
    }

    @Test
    void anotherTenantsApplicationAndAnUnknownOneAreNotFound() {
        expectRejection(
                () -> given(CREATE).when(new DeleteApplication(ID, "other", T0)), ApplicationRejection.NotFound.class);
        expectRejection(() -> given().when(delete()), ApplicationRejection.NotFound.class);
        expectRejection(
                () -> given(CREATE)
                        .when(new UpdateApplication(
                                ID, "other", patch(Set.of(ApplicationField.DESCRIPTION), null, "x", null), T0)),
                ApplicationRejection.NotFound.class);
    }

    @Test
    void attributesBreakingARuleAreRejectedNamingTheField() {
        expectInvalid(new ApplicationAttributes(null, null, null, null, null), "name");
        expectInvalid(new ApplicationAttributes("  ", null, null, null, null), "name");
        expectInvalid(new ApplicationAttributes("x".repeat(101), null, null, null, null), "name");
        expectInvalid(new ApplicationAttributes("line\nbreak", null, null, null, null), "name");
        expectInvalid(new ApplicationAttributes("ok", "x".repeat(1001), null, null, null), "description");
        expectInvalid(new ApplicationAttributes("ok", null, "not-an-address", null, null), "contactEmail");
        expectInvalid(new ApplicationAttributes("ok", null, "a..b@example.com", null, null), "contactEmail");
        expectInvalid(new ApplicationAttributes("ok", null, "team@localhost", null, null), "contactEmail");
        expectInvalid(
                new ApplicationAttributes("ok", null, "x".repeat(250) + "@example.com", null, null), "contactEmail");
        expectInvalid(new ApplicationAttributes("ok", null, null, "alice", null), "ownerId");
        expectInvalid(new ApplicationAttributes("ok", null, null, null, "payments"), "teamId");
    }

    @Test
    void anUpdateThatClearsTheNameIsRejected() {
        UpdateApplication clearName = update(patch(Set.of(ApplicationField.NAME), null, null, null));
        assertThatThrownBy(() -> given(CREATE).when(clearName))
                .isInstanceOfSatisfying(
                        ApplicationRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(new ApplicationRejection.InvalidAttribute("name", "must not be blank")));
    }

    @Test
    void aBoundaryNameAndAnOrdinaryAddressAreAccepted() {
        CreateApplication longest = new CreateApplication(
                ID,
                "acme",
                new ApplicationAttributes(
                        "x".repeat(100), "d".repeat(1000), "first.last+apps@mail.example.co.uk", null, null),
                T0);
        assertThat(given().when(longest)).hasSize(1);
    }

    private static void expectInvalid(ApplicationAttributes attributes, String field) {
        assertThatThrownBy(() -> given().when(new CreateApplication(ID, "acme", attributes, T0)))
                .as("%s", attributes)
                .isInstanceOfSatisfying(
                        ApplicationRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isInstanceOfSatisfying(
                                        ApplicationRejection.InvalidAttribute.class,
                                        invalid -> assertThat(invalid.field()).isEqualTo(field)));
    }

    private static void expectRejection(ThrowingCallable call, Class<? extends ApplicationRejection> rejection) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ApplicationRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(rejection));
    }

    private static ApplicationPatch patch(
            Set<ApplicationField> present, String name, String description, String email) {
        return new ApplicationPatch(present, new ApplicationAttributes(name, description, email, null, null));
    }

    private static UpdateApplication update(ApplicationPatch patch) {
        return new UpdateApplication(ID, "acme", patch, T0.plusSeconds(60));
    }

    private static DeleteApplication delete() {
        return new DeleteApplication(ID, "acme", T0.plusSeconds(120));
    }

    /** The state after deciding and applying {@code commands} in order. */
    private static Given given(ApplicationCommand... commands) {
        List<ApplicationEvent> history = new ArrayList<>();
        for (ApplicationCommand command : commands) {
            history.addAll(Application.decide(command, Application.replay(history)));
        }
        return new Given(Application.replay(history));
    }

    private record Given(ApplicationState state) {
        List<ApplicationEvent> when(ApplicationCommand command) {
            return Application.decide(command, state);
        }
    }
}
