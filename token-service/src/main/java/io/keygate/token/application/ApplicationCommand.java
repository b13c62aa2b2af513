package io.keygate.token.application;

import java.time.Instant;

/** Commands on the application aggregate. */
public sealed interface ApplicationCommand {

    /** The application the command is about. */
    String applicationId();

    /** The tenant the caller acts for. */
    String tenantId();

    /** Create an application with a new id (chosen by the caller, see {@link ApplicationIds#newId()}). */
    record CreateApplication(String applicationId, String tenantId, ApplicationAttributes attributes, Instant at)
            implements ApplicationCommand {}

    /** Change some attributes of an active application; a patch that changes nothing emits nothing. */
    record UpdateApplication(String applicationId, String tenantId, ApplicationPatch patch, Instant at)
            implements ApplicationCommand {}

    /** Delete an application (its credentials are revoked after); deleting a deleted one emits nothing. */
    record DeleteApplication(String applicationId, String tenantId, Instant at) implements ApplicationCommand {}
}
