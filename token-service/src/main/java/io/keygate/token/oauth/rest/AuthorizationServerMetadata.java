package io.keygate.token.oauth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** RFC 8414 authorization-server metadata, as far as this server supports OAuth2. */
public record AuthorizationServerMetadata(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,

        @JsonProperty("token_endpoint_auth_methods_supported")
        List<String> tokenEndpointAuthMethodsSupported,

        @JsonProperty("access_token_signing_alg_values_supported")
        List<String> accessTokenSigningAlgValuesSupported,

        @JsonProperty("introspection_endpoint") String introspectionEndpoint,

        @JsonProperty("introspection_endpoint_auth_methods_supported")
        List<String> introspectionEndpointAuthMethodsSupported,

        @JsonProperty("revocation_endpoint") String revocationEndpoint,

        @JsonProperty("revocation_endpoint_auth_methods_supported")
        List<String> revocationEndpointAuthMethodsSupported) {}
