package io.keygate.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiEvent;
import io.keygate.events.policy.ApiOpenApiUploaded;
import io.keygate.events.policy.ApiRetired;
import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.ApiUpdated;
import io.keygate.events.policy.ApiVisibility;
import io.keygate.policy.api.ApiCommand.CreateApi;
import io.keygate.policy.api.ApiCommand.RetireApi;
import io.keygate.policy.api.ApiCommand.UpdateApi;
import io.keygate.policy.api.ApiCommand.UploadOpenApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final ApiAttributes ORDERS = new ApiAttributes("Orders", null, "v1", ApiVisibility.PRIVATE, false);

    private static ApiState created() {
        return Api.replay(Api.decide(new CreateApi("api_1", "acme", ORDERS, T0), null));
    }

    private static ApiRejection rejectionOf(ApiCommand command, ApiState state) {
        try {
            Api.decide(command, state);
        } catch (ApiRejectedException e) {
            return e.rejection();
        }
        throw new AssertionError("accepted " + command);
    }

    @Test
    void creatingEmitsTheFullActiveState() {
        List<ApiEvent> events = Api.decide(new CreateApi("api_1", "acme", ORDERS, T0), null);
        assertThat(events).singleElement().isInstanceOfSatisfying(ApiCreated.class, e -> {
            assertThat(e.api().status()).isEqualTo(ApiStatus.ACTIVE);
            assertThat(e.api().visibility()).isEqualTo(ApiVisibility.PRIVATE);
            assertThat(e.api().subscriptionApproval()).isFalse();
        });
    }

    @Test
    void aMergePatchChangesOnlyWhatWasSentAndNamesIt() {
        ApiPatch patch = new ApiPatch(
                Set.of(ApiField.VISIBILITY, ApiField.SUBSCRIPTION_APPROVAL),
                new ApiPatch.ApiValues(null, null, null, ApiVisibility.PUBLIC, true));
        List<ApiEvent> events = Api.decide(new UpdateApi("api_1", "acme", patch, T0), created());
        assertThat(events).singleElement().isInstanceOfSatisfying(ApiUpdated.class, e -> {
            assertThat(e.changedFields()).containsExactly("visibility", "subscriptionApproval");
            assertThat(e.api().name()).isEqualTo("Orders");
            assertThat(e.api().subscriptionApproval()).isTrue();
        });
    }

    @Test
    void aPatchThatChangesNothingEmitsNothingAndABlankNameIsRefused() {
        ApiPatch same = new ApiPatch(Set.of(ApiField.NAME), new ApiPatch.ApiValues("Orders", null, null, null, null));
        assertThat(Api.decide(new UpdateApi("api_1", "acme", same, T0), created()))
                .isEmpty();
        ApiPatch blank = new ApiPatch(Set.of(ApiField.NAME), new ApiPatch.ApiValues(" ", null, null, null, null));
        assertThat(rejectionOf(new UpdateApi("api_1", "acme", blank, T0), created()))
                .isEqualTo(new ApiRejection.InvalidAttribute("name", "must not be blank"));
    }

    @Test
    void aRetiredApiCannotChangeAndRetiringTwiceEmitsNothing() {
        List<ApiEvent> retired = Api.decide(new RetireApi("api_1", "acme", T0), created());
        assertThat(retired).singleElement().isInstanceOf(ApiRetired.class);
        ApiState state = Api.evolve(created(), retired.get(0));

        assertThat(Api.decide(new RetireApi("api_1", "acme", T0), state)).isEmpty();
        ApiPatch patch = new ApiPatch(Set.of(ApiField.NAME), new ApiPatch.ApiValues("New", null, null, null, null));
        assertThat(rejectionOf(new UpdateApi("api_1", "acme", patch, T0), state))
                .isInstanceOf(ApiRejection.Retired.class);
    }

    @Test
    void anotherTenantsApiIsNotFound() {
        assertThat(rejectionOf(new RetireApi("api_1", "evil", T0), created()))
                .isInstanceOf(ApiRejection.NotFound.class);
    }

    @Test
    void uploadingADocumentRecordsItsDigestOnceForTheSameContent() {
        byte[] yaml =
                "openapi: 3.1.0\ninfo:\n  title: Orders\n  version: '1'\npaths: {}\n".getBytes(StandardCharsets.UTF_8);
        OpenApiDocument document = OpenApiDocument.parse(yaml, true, 1024, T0);
        List<ApiEvent> uploaded = Api.decide(new UploadOpenApi("api_1", "acme", document.reference(), T0), created());
        assertThat(uploaded).singleElement().isInstanceOfSatisfying(ApiOpenApiUploaded.class, e -> {
            assertThat(e.api().openApi().sha256()).hasSize(64);
            assertThat(e.api().openApi().sizeBytes()).isEqualTo(yaml.length);
            assertThat(e.api().openApi().openapiVersion()).isEqualTo("3.1.0");
            assertThat(e.api().openApi().contentType()).isEqualTo("application/yaml");
        });
        ApiState withDocument = Api.evolve(created(), uploaded.get(0));
        assertThat(Api.decide(new UploadOpenApi("api_1", "acme", document.reference(), T0), withDocument))
                .isEmpty();
    }

    @Test
    void documentsThatAreNotOpenApi3AreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> OpenApiDocument.parse(
                        "{\"swagger\":\"2.0\"}".getBytes(StandardCharsets.UTF_8), false, 1024, T0))
                .isInstanceOfSatisfying(
                        ApiRejectedException.class,
                        e -> assertThat(((ApiRejection.InvalidDocument) e.rejection()).field())
                                .isEqualTo("openapi"));
        assertThatThrownBy(() -> OpenApiDocument.parse(
                        "{\"openapi\":\"3.0.3\"}".getBytes(StandardCharsets.UTF_8), false, 1024, T0))
                .isInstanceOfSatisfying(
                        ApiRejectedException.class,
                        e -> assertThat(((ApiRejection.InvalidDocument) e.rejection()).field())
                                .isEqualTo("info"));
        assertThatThrownBy(() -> OpenApiDocument.parse("{not json".getBytes(StandardCharsets.UTF_8), false, 1024, T0))
                .isInstanceOfSatisfying(
                        ApiRejectedException.class,
                        e -> assertThat(((ApiRejection.InvalidDocument) e.rejection()).field())
                                .isEqualTo("body"));
        assertThatThrownBy(() -> OpenApiDocument.parse(new byte[2048], false, 1024, T0))
                .isInstanceOfSatisfying(
                        ApiRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiRejection.DocumentTooLarge.class));
    }
}
