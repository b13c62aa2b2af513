package io.keygate.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PermissionMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class PermissionMatrixQuarkusTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAdminEndpointAnswersEachCallerAsDocsPermissionsSays() throws Exception {
        assertThat(PermissionMatrix.check(base, "gateway")).isEmpty();
    }
}
