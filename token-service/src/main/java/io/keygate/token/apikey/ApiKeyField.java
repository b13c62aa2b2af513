package io.keygate.token.apikey;

import java.util.function.Function;

/** The updatable attributes of an API key, by the name they have in the API and in events. */
public enum ApiKeyField {
    NAME("name", ApiKeyAttributes::name),
    DESCRIPTION("description", ApiKeyAttributes::description),
    APPLICATION_ID("applicationId", ApiKeyAttributes::applicationId),
    SCOPES("scopes", ApiKeyAttributes::scopes),
    EXPIRES_AT("expiresAt", ApiKeyAttributes::expiresAt),
    IP_ALLOW_LIST("ipAllowList", ApiKeyAttributes::ipAllowList),
    RATE_LIMIT("rateLimit", ApiKeyAttributes::rateLimit),
    QUOTA("quota", ApiKeyAttributes::quota),
    METADATA("metadata", ApiKeyAttributes::metadata);

    private final String jsonName;
    private final Function<ApiKeyAttributes, Object> value;

    ApiKeyField(String jsonName, Function<ApiKeyAttributes, Object> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    /** The field's name in requests, responses and {@code ApiKeyUpdated.changedFields}. */
    public String jsonName() {
        return jsonName;
    }

    /** This field's value in {@code attributes}. */
    public Object valueIn(ApiKeyAttributes attributes) {
        return value.apply(attributes);
    }
}
