package io.keygate.policy.api;

import java.util.function.Function;

/** The updatable attributes of an API, by the name they have in the API and in events. */
public enum ApiField {
    NAME("name", ApiAttributes::name),
    DESCRIPTION("description", ApiAttributes::description),
    API_VERSION("apiVersion", ApiAttributes::apiVersion),
    VISIBILITY("visibility", ApiAttributes::visibility),
    SUBSCRIPTION_APPROVAL("subscriptionApproval", ApiAttributes::subscriptionApproval);

    private final String jsonName;
    private final Function<ApiAttributes, Object> value;

    ApiField(String jsonName, Function<ApiAttributes, Object> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    /** The field's name in requests, responses and {@code ApiUpdated.changedFields}. */
    public String jsonName() {
        return jsonName;
    }

    /** This field's value in {@code attributes}. */
    public Object valueIn(ApiAttributes attributes) {
        return value.apply(attributes);
    }
}
