package io.keygate.token.application;

/**
 * Why a command on an application, or a credential's reference to an application, was refused; each maps
 * to one HTTP status.
 */
public sealed interface ApplicationRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such application for this tenant (another tenant's application is reported the same way). */
    record NotFound(String applicationId) implements ApplicationRejection {
        @Override
        public String detail() {
            return "Application " + applicationId + " does not exist";
        }
    }

    /** The application id is taken. */
    record AlreadyExists(String applicationId) implements ApplicationRejection {
        @Override
        public String detail() {
            return "Application " + applicationId + " already exists";
        }
    }

    /** The application is deleted, so it can no longer be changed. */
    record Deleted(String applicationId) implements ApplicationRejection {
        @Override
        public String detail() {
            return "Application " + applicationId + " is deleted and can no longer be changed";
        }
    }

    /**
     * A caller who may manage only the applications they own tried to give one to somebody else, or to create one for
     * somebody else: only the tenant's admins choose owners.
     */
    record OwnerChangeForbidden(String applicationId) implements ApplicationRejection {
        @Override
        public String detail() {
            return "Only a tenant admin may choose an application's owner";
        }
    }

    /** An attribute breaks a rule of {@link ApplicationAttributeRules}. */
    record InvalidAttribute(String field, String message) implements ApplicationRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (" + message + ")";
        }
    }

    /**
     * A credential names, in its {@code applicationId}, an application that does not exist in the tenant
     * or is deleted: no credential may be issued for it or moved to it.
     *
     * @param applicationId the referenced id
     * @param deleted       true if it exists but is deleted, false if it does not exist in the tenant
     */
    record CannotOwnCredentials(String applicationId, boolean deleted) implements ApplicationRejection {

        /** The request field that holds the reference. */
        public static final String FIELD = "applicationId";

        @Override
        public String detail() {
            return "Application " + applicationId + (deleted ? " is deleted" : " does not exist in this tenant");
        }
    }
}
