package io.keygate.policy.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.keygate.events.policy.OpenApiDocumentRef;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An uploaded OpenAPI document, checked: it parses (JSON or YAML, by its content type), and its root is an
 * object with an {@code openapi} field of a 3.x version and an {@code info} object with a {@code title} and a
 * {@code version}. Nothing more is checked: the portal shows the document, the gateway does not execute it.
 *
 * @param bytes       the document as uploaded (stored and served unchanged)
 * @param contentType {@code application/json} or {@code application/yaml}
 * @param reference   its digest, size, OpenAPI version and title
 */
public record OpenApiDocument(byte[] bytes, String contentType, OpenApiDocumentRef reference) {

    /** Content type of JSON documents. */
    public static final String JSON = "application/json";
    /** Content type of YAML documents (RFC 9512). */
    public static final String YAML = "application/yaml";

    private static final ObjectMapper JSON_PARSER = new ObjectMapper();
    private static final ObjectMapper YAML_PARSER = new YAMLMapper();
    private static final Pattern OPENAPI_3 = Pattern.compile("3\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    private static final int MAX_TITLE = 500;

    /**
     * Parses and checks a document.
     *
     * @param bytes       the body as uploaded
     * @param yaml        whether it was sent as YAML (else JSON)
     * @param maxBytes    largest size accepted
     * @param at          upload time
     * @throws ApiRejectedException with {@link ApiRejection.DocumentTooLarge} or {@link ApiRejection.InvalidDocument}
     */
    public static OpenApiDocument parse(byte[] bytes, boolean yaml, int maxBytes, Instant at) {
        if (bytes.length > maxBytes) {
            throw new ApiRejectedException(new ApiRejection.DocumentTooLarge(maxBytes));
        }
        if (bytes.length == 0) {
            throw invalid("body", "the body is empty");
        }
        JsonNode root;
        try {
            root = (yaml ? YAML_PARSER : JSON_PARSER).readTree(bytes);
        } catch (JacksonException e) {
            throw invalid("body", "it does not parse as " + (yaml ? "YAML" : "JSON"));
        } catch (java.io.IOException | RuntimeException e) {
            // SnakeYAML reports some limits (aliases, nesting) as unchecked exceptions.
            throw invalid("body", "it does not parse as " + (yaml ? "YAML" : "JSON"));
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "the document must be an object");
        }
        JsonNode openapi = root.get("openapi");
        if (openapi == null
                || !openapi.isTextual()
                || !OPENAPI_3.matcher(openapi.asText()).matches()) {
            throw invalid("openapi", "the openapi field must be a 3.x version such as 3.1.0");
        }
        JsonNode info = root.get("info");
        if (info == null
                || !info.isObject()
                || !info.path("title").isTextual()
                || !info.path("version").isTextual()) {
            throw invalid("info", "the info field must be an object with a title and a version");
        }
        String title = info.get("title").asText();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        String contentType = yaml ? YAML : JSON;
        return new OpenApiDocument(
                bytes,
                contentType,
                new OpenApiDocumentRef(sha256(bytes), bytes.length, contentType, openapi.asText(), title, at));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static ApiRejectedException invalid(String field, String message) {
        return new ApiRejectedException(new ApiRejection.InvalidDocument(field, message));
    }
}
