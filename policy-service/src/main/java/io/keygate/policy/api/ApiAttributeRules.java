package io.keygate.policy.api;

import java.util.regex.Pattern;

/**
 * The rules every API's attributes obey, whoever sets them: checked on create and on every update, so no
 * event can carry attributes the REST API would have refused.
 */
public final class ApiAttributeRules {

    /** Most characters in a name. */
    public static final int MAX_NAME = 100;
    /** Most characters in a description. */
    public static final int MAX_DESCRIPTION = 2000;
    /** Most characters in a version label. */
    public static final int MAX_API_VERSION = 50;

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");
    private static final Pattern VERSION_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    private ApiAttributeRules() {}

    /**
     * The attributes, checked.
     *
     * @throws ApiRejectedException with {@link ApiRejection.InvalidAttribute} naming the first bad field
     */
    public static ApiAttributes check(ApiAttributes attributes) {
        String name = attributes.name();
        if (name == null || name.isBlank()) {
            throw invalid("name", "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        if (CONTROL_CHARACTER.matcher(name).find()) {
            throw invalid("name", "must not contain control characters");
        }
        if (attributes.description() != null && attributes.description().length() > MAX_DESCRIPTION) {
            throw invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String version = attributes.apiVersion();
        if (version == null
                || version.length() > MAX_API_VERSION
                || !VERSION_LABEL.matcher(version).matches()) {
            throw invalid(
                    "apiVersion",
                    "must be a version label such as v1 or 2.3.0 (letters, digits, . _ + -), at most " + MAX_API_VERSION
                            + " characters");
        }
        if (attributes.visibility() == null) {
            throw invalid("visibility", "must be private or public");
        }
        return attributes;
    }

    static ApiRejectedException invalid(String field, String message) {
        return new ApiRejectedException(new ApiRejection.InvalidAttribute(field, message));
    }
}
