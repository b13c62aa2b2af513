package io.keygate.access.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceEndpointsTest {

    @Test
    void pathsAreWrittenAsTheOpenApiDocumentWritesThem() {
        assertThat(ResourceEndpoints.normalise("/tenants/{tenantId}/api-keys/"))
                .isEqualTo("/tenants/{tenantId}/api-keys");
        assertThat(ResourceEndpoints.normalise("/tenants/{tenantId}/api-keys//{keyId}/revoke"))
                .isEqualTo("/tenants/{tenantId}/api-keys/{keyId}/revoke");
        assertThat(ResourceEndpoints.normalise("/a/{id: [0-9]+}")).isEqualTo("/a/{id}");
        assertThat(ResourceEndpoints.normalise("audit/")).isEqualTo("/audit");
        assertThat(ResourceEndpoints.normalise("/")).isEqualTo("/");
    }
}
