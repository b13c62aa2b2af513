package io.keygate.token.oauth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Token-endpoint error (RFC 6749 §5.2): the format OAuth2 clients parse, rather than problem JSON. */
public record TokenErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {}
