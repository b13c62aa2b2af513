package io.keygate.analytics.usage;

import java.time.Instant;

/**
 * What one API key did in one minute.
 *
 * @param tenantId the tenant the gateway recorded for the calls
 * @param keyId    the key presented
 * @param minute   start of the minute (UTC), by the gateway's receive time
 * @param calls    requests
 * @param errors   requests answered with a status of 400 or more
 * @param bytesIn  request body bytes
 * @param bytesOut response body bytes
 */
public record KeyMinuteUsage(
        String tenantId, String keyId, Instant minute, long calls, long errors, long bytesIn, long bytesOut) {}
