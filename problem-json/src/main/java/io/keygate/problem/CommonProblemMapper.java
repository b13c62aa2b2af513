package io.keygate.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the failures every service shares into RFC 9457 problem JSON: bean validation, unreadable or
 * unknown JSON, HTTP errors and anything unexpected (logged with an id; never a stack trace to the client).
 */
public class CommonProblemMapper {

    private static final Logger LOG = Logger.getLogger(CommonProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields =
                errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return problem(400, "invalid-request", "Invalid request", "Invalid value for: " + fields, uri, errors);
    }

    // Quarkus ships mappers for these exact Jackson types; mapping each type here takes precedence.
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(
                400,
                "invalid-request",
                "Invalid request",
                "Unknown field: " + field,
                uri,
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return problem(
                    400,
                    "invalid-request",
                    "Invalid request",
                    "Invalid value for: " + field,
                    uri,
                    List.of(new Problem.FieldError(field, "wrong type or format")));
        }
        return problem(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON", uri, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(status, "http-" + status, title, title, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return problem(
                500,
                "internal-error",
                "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " when reporting it",
                uri,
                null);
    }

    private static Response problem(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Problems.of(status, type, title, detail, uri, errors);
    }

    /** {@code create.request.name} → {@code name}; {@code create.tenantId} → {@code tenantId}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            boolean isMethodOrBodyParameter = index == 1
                    || (index == 2
                            && node.getKind() == jakarta.validation.ElementKind.PARAMETER
                            && hasMoreNodes(violation, index));
            if (isMethodOrBodyParameter) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? violation.getPropertyPath().toString() : field.toString();
    }

    private static boolean hasMoreNodes(ConstraintViolation<?> violation, int index) {
        int count = 0;
        for (Path.Node ignored : violation.getPropertyPath()) {
            count++;
        }
        return count > index;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
