package io.keygate.token.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partial update: the fields in {@code present} take their value from {@code values} (null there
 * clears the field), all others keep the application's current value.
 *
 * @param present the fields the caller sent
 * @param values  the sent values; fields not in {@code present} are ignored
 */
public record ApplicationPatch(Set<ApplicationField> present, ApplicationAttributes values) {

    public ApplicationPatch {
        present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
    }

    /** The attributes after applying this patch to {@code current}. */
    public ApplicationAttributes applyTo(ApplicationAttributes current) {
        return new ApplicationAttributes(
                pick(ApplicationField.NAME, current.name(), values.name()),
                pick(ApplicationField.DESCRIPTION, current.description(), values.description()),
                pick(ApplicationField.CONTACT_EMAIL, current.contactEmail(), values.contactEmail()),
                pick(ApplicationField.OWNER_ID, current.ownerId(), values.ownerId()),
                pick(ApplicationField.TEAM_ID, current.teamId(), values.teamId()));
    }

    private <T> T pick(ApplicationField field, T current, T sent) {
        return present.contains(field) ? sent : current;
    }
}
