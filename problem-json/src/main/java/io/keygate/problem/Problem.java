package io.keygate.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type     URI naming the problem type
 * @param title    short summary of the type
 * @param status   HTTP status
 * @param detail   this occurrence, for a human
 * @param instance the request path
 * @param errors   the fields that were wrong, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path or parameter name, and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
