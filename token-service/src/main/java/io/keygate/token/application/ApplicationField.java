package io.keygate.token.application;

import java.util.function.Function;

/** The updatable attributes of an application, by the name they have in the API and in events. */
public enum ApplicationField {
    NAME("name", ApplicationAttributes::name),
    DESCRIPTION("description", ApplicationAttributes::description),
    CONTACT_EMAIL("contactEmail", ApplicationAttributes::contactEmail),
    OWNER_ID("ownerId", ApplicationAttributes::ownerId),
    TEAM_ID("teamId", ApplicationAttributes::teamId);

    private final String jsonName;
    private final Function<ApplicationAttributes, Object> value;

    ApplicationField(String jsonName, Function<ApplicationAttributes, Object> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    /** The field's name in requests, responses and {@code ApplicationUpdated.changedFields}. */
    public String jsonName() {
        return jsonName;
    }

    /** This field's value in {@code attributes}. */
    public Object valueIn(ApplicationAttributes attributes) {
        return value.apply(attributes);
    }
}
