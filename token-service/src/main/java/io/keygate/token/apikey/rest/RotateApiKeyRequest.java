package io.keygate.token.apikey.rest;

import io.keygate.token.apikey.ApiKeyRejectedException;
import io.keygate.token.apikey.ApiKeyRejection;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Body of {@code POST /tenants/{tenantId}/api-keys/{keyId}/rotate} (optional).
 *
 * @param gracePeriod how long the replaced secret stays valid, ISO-8601 ({@code PT24H}, {@code P7D});
 *                    {@code PT0S} to 30 days, default {@code PT24H}
 */
public record RotateApiKeyRequest(@Size(max = 32) String gracePeriod) {

    static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);

    Duration gracePeriodOrDefault() {
        if (gracePeriod == null) {
            return DEFAULT_GRACE_PERIOD;
        }
        try {
            return Duration.parse(gracePeriod);
        } catch (DateTimeParseException e) {
            throw new ApiKeyRejectedException(new ApiKeyRejection.InvalidAttribute(
                    "gracePeriod", "must be an ISO-8601 duration such as PT24H or P7D"));
        }
    }
}
