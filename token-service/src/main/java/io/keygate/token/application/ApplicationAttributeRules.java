package io.keygate.token.application;

import java.util.regex.Pattern;

/**
 * The rules every application's attributes obey, whoever sets them: checked on create and on every
 * update, so no event can carry attributes the API would have refused.
 */
public final class ApplicationAttributeRules {

    /** Most characters in a name. */
    public static final int MAX_NAME = 100;
    /** Most characters in a description. */
    public static final int MAX_DESCRIPTION = 1000;
    /** Most characters in a contact e-mail address (RFC 5321 path limit). */
    public static final int MAX_CONTACT_EMAIL = 254;
    /**
     * A plain addr-spec: dot-atom local part, host name with a top-level domain. The same expression is the
     * {@code contactEmail} pattern of {@code application.state.v1.json}, so events and rules cannot disagree.
     */
    public static final String CONTACT_EMAIL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

    /** A user id, or a service account's (which owns what it creates as a developer), as the identity module writes them. */
    public static final String OWNER_ID = "(usr|svc)_[0-9a-f]{32}";

    /** A team id, as the identity module writes them. */
    public static final String TEAM_ID = "team_[0-9a-f]{32}";

    private static final Pattern EMAIL = Pattern.compile(CONTACT_EMAIL);
    private static final Pattern TEAM = Pattern.compile(TEAM_ID);
    private static final Pattern OWNER = Pattern.compile(OWNER_ID);
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");

    private ApplicationAttributeRules() {}

    /**
     * The attributes, checked.
     *
     * @throws ApplicationRejectedException with {@link ApplicationRejection.InvalidAttribute} naming the first bad field
     */
    public static ApplicationAttributes check(ApplicationAttributes attributes) {
        String name = attributes.name();
        if (name == null || name.isBlank()) {
            throw invalid("name", "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        // Names end up in lists, logs and e-mails: a line break or escape sequence in one is never intended.
        if (CONTROL_CHARACTER.matcher(name).find()) {
            throw invalid("name", "must not contain control characters");
        }
        if (attributes.description() != null && attributes.description().length() > MAX_DESCRIPTION) {
            throw invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String email = attributes.contactEmail();
        if (email != null
                && (email.length() > MAX_CONTACT_EMAIL || !EMAIL.matcher(email).matches())) {
            throw invalid(
                    "contactEmail",
                    "must be an e-mail address such as team@example.com, at most " + MAX_CONTACT_EMAIL + " characters");
        }
        if (attributes.ownerId() != null && !OWNER.matcher(attributes.ownerId()).matches()) {
            throw invalid("ownerId", "must be a user id such as usr_0123456789abcdef0123456789abcdef");
        }
        if (attributes.teamId() != null && !TEAM.matcher(attributes.teamId()).matches()) {
            throw invalid("teamId", "must be a team id such as team_0123456789abcdef0123456789abcdef");
        }
        return attributes;
    }

    private static ApplicationRejectedException invalid(String field, String message) {
        return new ApplicationRejectedException(new ApplicationRejection.InvalidAttribute(field, message));
    }
}
