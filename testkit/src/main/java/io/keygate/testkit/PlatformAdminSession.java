package io.keygate.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Quarkus test callback: REST Assured calls without an {@code Authorization} header carry a platform administrator's
 * session (signed with the test key that {@link KafkaBrokerResource} publishes), so a service's functional tests pass
 * its access checks for real; a test that sets its own header calls as someone else. A module turns it on by listing
 * it in {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}; it runs in the
 * application's class loader, where the tests' REST Assured lives.
 */
public class PlatformAdminSession implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(DefaultSession.class::isInstance)) {
            RestAssured.filters(new DefaultSession(TestSessions.platformAdmin()));
        }
    }

    private record DefaultSession(String token) implements Filter {

        @Override
        public Response filter(
                FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
            if (!request.getHeaders().hasHeaderWithName("Authorization") && !authenticatesItself(request.getURI())) {
                request.header("Authorization", "Bearer " + token);
            }
            return ctx.next(request, response);
        }

        /** The OAuth2 endpoints read the Authorization header as the client's own credentials: left as written. */
        private static boolean authenticatesItself(String uri) {
            String path = java.net.URI.create(uri).getPath();
            return path.startsWith("/oauth2/token")
                    || path.startsWith("/oauth2/introspect")
                    || path.startsWith("/oauth2/revoke");
        }
    }
}
