package io.keygate.token.apikey;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partial update: the fields in {@code present} take their value from {@code values} (null there
 * clears the field), all others keep the key's current value.
 *
 * @param present the fields the caller sent
 * @param values  the sent values; fields not in {@code present} are ignored
 */
public record ApiKeyPatch(Set<ApiKeyField> present, ApiKeyAttributes values) {

    public ApiKeyPatch {
        present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
    }

    /** The attributes after applying this patch to {@code current}. */
    public ApiKeyAttributes applyTo(ApiKeyAttributes current) {
        return new ApiKeyAttributes(
                pick(ApiKeyField.NAME, current.name(), values.name()),
                pick(ApiKeyField.DESCRIPTION, current.description(), values.description()),
                pick(ApiKeyField.APPLICATION_ID, current.applicationId(), values.applicationId()),
                pick(ApiKeyField.SCOPES, current.scopes(), values.scopes()),
                pick(ApiKeyField.EXPIRES_AT, current.expiresAt(), values.expiresAt()),
                pick(ApiKeyField.IP_ALLOW_LIST, current.ipAllowList(), values.ipAllowList()),
                pick(ApiKeyField.RATE_LIMIT, current.rateLimit(), values.rateLimit()),
                pick(ApiKeyField.QUOTA, current.quota(), values.quota()),
                pick(ApiKeyField.METADATA, current.metadata(), values.metadata()));
    }

    private <T> T pick(ApiKeyField field, T current, T sent) {
        return present.contains(field) ? sent : current;
    }
}
