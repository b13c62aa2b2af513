package io.keygate.token.application.rest;

import io.keygate.token.application.ApplicationAttributeRules;
import io.keygate.token.application.ApplicationAttributes;
import io.keygate.token.application.ApplicationField;
import io.keygate.token.application.ApplicationPatch;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/**
 * Body of {@code PATCH /tenants/{tenantId}/applications/{applicationId}}, JSON merge-patch style (RFC 7396):
 * a field left out keeps its value, a field sent as {@code null} is cleared ({@code name} cannot be cleared).
 * A class with setters rather than a record, because only setters tell a field left out from one sent as null.
 */
public final class UpdateApplicationRequest {

    private final Set<ApplicationField> present = EnumSet.noneOf(ApplicationField.class);

    // Left out is fine; sent as null or blank is refused by the attribute rules, naming the field.
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = ApplicationAttributeRules.MAX_NAME)
    private String name;

    @Size(max = ApplicationAttributeRules.MAX_DESCRIPTION)
    private String description;

    @Size(max = ApplicationAttributeRules.MAX_CONTACT_EMAIL)
    private String contactEmail;

    @Pattern(regexp = ApplicationAttributeRules.OWNER_ID)
    private String ownerId;

    @Pattern(regexp = ApplicationAttributeRules.TEAM_ID)
    private String teamId;

    public void setName(String name) {
        this.name = name;
        present.add(ApplicationField.NAME);
    }

    public void setDescription(String description) {
        this.description = description;
        present.add(ApplicationField.DESCRIPTION);
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
        present.add(ApplicationField.CONTACT_EMAIL);
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
        present.add(ApplicationField.OWNER_ID);
    }

    public void setTeamId(String teamId) {
        this.teamId = teamId;
        present.add(ApplicationField.TEAM_ID);
    }

    /** Whether the patch changes the owning user or team (only a tenant admin may). */
    boolean changesOwner() {
        return present.contains(ApplicationField.OWNER_ID) || present.contains(ApplicationField.TEAM_ID);
    }

    ApplicationPatch toPatch() {
        return new ApplicationPatch(
                present, new ApplicationAttributes(name, description, contactEmail, ownerId, teamId));
    }
}
