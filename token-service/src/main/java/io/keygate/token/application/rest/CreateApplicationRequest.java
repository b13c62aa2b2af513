package io.keygate.token.application.rest;

import io.keygate.token.application.ApplicationAttributeRules;
import io.keygate.token.application.ApplicationAttributes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /tenants/{tenantId}/applications}. (The finer rules, such as the e-mail address's
 * shape, are {@link ApplicationAttributeRules}, checked by the aggregate.)
 *
 * @param name         human name, at most 100 characters, no control characters
 * @param description  free text, at most 1000 characters
 * @param contactEmail whom to contact about the application, e.g. {@code platform-team@example.com}
 * @param ownerId      the tenant's user who will own it; by default the caller (a developer always owns what they
 *                     create)
 * @param teamId       a team of the tenant that owns it too (a developer may name only a team they belong to)
 */
public record CreateApplicationRequest(
        @NotBlank @Size(max = ApplicationAttributeRules.MAX_NAME)
        String name,

        @Size(max = ApplicationAttributeRules.MAX_DESCRIPTION)
        String description,

        @Size(max = ApplicationAttributeRules.MAX_CONTACT_EMAIL)
        String contactEmail,

        @Pattern(regexp = ApplicationAttributeRules.OWNER_ID)
        String ownerId,

        @Pattern(regexp = ApplicationAttributeRules.TEAM_ID) String teamId) {

    ApplicationAttributes toAttributes() {
        return new ApplicationAttributes(name, description, contactEmail, ownerId, teamId);
    }
}
