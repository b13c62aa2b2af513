package io.keygate.token.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PermissionMatrix;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PermissionMatrixQuarkusTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyEndpointAnswersEachCallerAsDocsPermissionsSays() throws Exception {
        assertThat(PermissionMatrix.check(base, "token")).isEmpty();
    }
}
