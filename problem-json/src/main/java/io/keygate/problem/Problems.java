package io.keygate.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem responses; services use it in their domain mappers so every problem looks alike. */
public final class Problems {

    /** Base of the {@code type} URIs. */
    public static final String TYPE_BASE = "https://keygate.io/problems/";

    private Problems() {}

    /** A problem response for the request at {@code uri}. */
    public static Response of(int status, String type, String title, String detail, UriInfo uri) {
        return of(status, type, title, detail, uri, null);
    }

    /** A problem response naming the invalid fields. */
    public static Response of(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        TYPE_BASE + type, title, status, detail, uri == null ? null : uri.getPath(), errors))
                .build();
    }

    /** 404 for a resource that does not exist (or that the caller may not know exists). */
    public static Response notFound(String detail, UriInfo uri) {
        return of(404, "not-found", "Not found", detail, uri);
    }

    /** 409 for a request that conflicts with the current state. */
    public static Response conflict(String detail, UriInfo uri) {
        return of(409, "conflict", "Conflict", detail, uri);
    }

    /** 400 or 422 naming one invalid field. */
    public static Response invalidField(int status, String field, String message, UriInfo uri) {
        return of(
                status,
                "invalid-request",
                "Invalid request",
                "Invalid value for: " + field + " (" + message + ")",
                uri,
                List.of(new Problem.FieldError(field, message)));
    }
}
