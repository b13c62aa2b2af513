package io.keygate.token.apikey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.events.net.Cidr;
import io.keygate.token.application.ApplicationIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every API key's attributes obey, whoever sets them: checked on issue and on every update,
 * so no event can carry attributes the API would have refused.
 */
public final class ApiKeyAttributeRules {

    /** Most characters in a description. */
    public static final int MAX_DESCRIPTION = 1000;
    /** Most entries in an IP allow-list. */
    public static final int MAX_IP_ALLOW_LIST = 100;
    /** Most bytes of the metadata object serialised as UTF-8 JSON. */
    public static final int MAX_METADATA_BYTES = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiKeyAttributeRules() {}

    /**
     * The attributes with the IP allow-list normalised (canonical CIDRs, duplicates dropped, order kept).
     *
     * @throws ApiKeyRejectedException with {@link ApiKeyRejection.InvalidAttribute} naming the first bad field
     */
    public static ApiKeyAttributes normalise(ApiKeyAttributes attributes) {
        if (attributes.name() == null || attributes.name().isBlank()) {
            throw invalid("name", "must not be blank");
        }
        if (attributes.description() != null && attributes.description().length() > MAX_DESCRIPTION) {
            throw invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (attributes.applicationId() != null && !ApplicationIds.isWellFormed(attributes.applicationId())) {
            throw invalid("applicationId", "must match " + ApplicationIds.FORMAT);
        }
        if (attributes.metadata() != null && serialisedSize(attributes.metadata()) > MAX_METADATA_BYTES) {
            throw invalid("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes as JSON");
        }
        return new ApiKeyAttributes(
                attributes.name(),
                attributes.description(),
                attributes.applicationId(),
                attributes.scopes(),
                attributes.expiresAt(),
                ipAllowList(attributes.ipAllowList()),
                attributes.rateLimit(),
                attributes.quota(),
                attributes.metadata());
    }

    private static List<String> ipAllowList(List<String> entries) {
        if (entries.size() > MAX_IP_ALLOW_LIST) {
            throw invalid("ipAllowList", "must have at most " + MAX_IP_ALLOW_LIST + " entries");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                normalised.add(Cidr.parse(entries.get(i)).toString());
            } catch (IllegalArgumentException e) {
                throw invalid("ipAllowList[" + i + "]", e.getMessage());
            }
        }
        return new ArrayList<>(normalised);
    }

    private static int serialisedSize(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsBytes(metadata).length;
        } catch (JsonProcessingException e) {
            throw invalid("metadata", "must be a JSON object");
        }
    }

    private static ApiKeyRejectedException invalid(String field, String message) {
        return new ApiKeyRejectedException(new ApiKeyRejection.InvalidAttribute(field, message));
    }
}
