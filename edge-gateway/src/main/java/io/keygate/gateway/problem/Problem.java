package io.keygate.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type      URI identifying the problem type
 * @param title     short summary of the type, the same for every occurrence
 * @param status    HTTP status
 * @param detail    explanation of this occurrence, never revealing a secret or whether a key exists
 * @param instance  the request path this occurred on
 * @param requestId extension member: the {@code X-Request-Id}, to find the call record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of Keygate's problem type URIs. */
    public static final String TYPE_BASE = "https://keygate.io/problems/";
}
