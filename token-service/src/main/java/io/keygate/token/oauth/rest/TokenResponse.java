package io.keygate.token.oauth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Successful token response (RFC 6749 §5.1). No refresh token in the client-credentials grant (§4.4.3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope) {

    @Override
    public String toString() {
        return "TokenResponse[access_token=***]";
    }
}
