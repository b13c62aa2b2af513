package io.keygate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.access.permission.Grant;
import io.keygate.access.permission.Permission;
import io.keygate.access.permission.PermissionTable;
import io.keygate.access.permission.TenantScope;
import io.keygate.events.identity.TenantRole;
import io.keygate.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated permission test of one service: for every operation of its OpenAPI document, the call without a
 * token, with a token of another tenant, with each role alone and as a platform administrator, checked against
 * {@code docs/permissions.md}. Allowed means the access check let the call through (any status but 401 and 403:
 * the made-up ids then usually get 400 or 404); refused means exactly 401 or 403. An operation without a row, or a
 * row without an operation, is a failure too.
 */
public final class PermissionMatrix {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final URI base;
    private final String service;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String tenant = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTenant = "other-" + UUID.randomUUID().toString().substring(0, 8);

    private PermissionMatrix(URI base, String service) {
        this.base = base;
        this.service = service;
    }

    /**
     * Runs the matrix against the service at {@code base} (which must be ready) and returns every disagreement with
     * the table, one line each; empty when the service does what the table says.
     */
    public static List<String> check(URI base, String service) throws IOException, InterruptedException {
        return new PermissionMatrix(base, service).run();
    }

    private List<String> run() throws IOException, InterruptedException {
        PermissionTable table = PermissionTable.bundled();
        List<String> failures = new ArrayList<>();
        Set<String> documented = new HashSet<>();
        JsonNode paths = json.readTree(
                        send("GET", "/q/openapi?format=json", null).body())
                .path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                String endpoint = method.toUpperCase() + " " + path.getKey();
                documented.add(endpoint);
                Permission permission =
                        table.find(service, method.toUpperCase(), path.getKey()).orElse(null);
                if (permission == null) {
                    failures.add(endpoint + ": no row in docs/permissions.md");
                    continue;
                }
                check(permission, failures);
            }
        }
        for (Permission permission : table.of(service)) {
            if (!documented.contains(permission.endpoint())) {
                failures.add(permission.endpoint() + ": listed in docs/permissions.md but not in the OpenAPI document");
            }
        }
        return failures;
    }

    private void check(Permission permission, List<String> failures) throws IOException, InterruptedException {
        TenantScope scope = permission.tenant();
        if (scope instanceof TenantScope.Public) {
            expectAllowed(permission, null, "without a session", failures);
            return;
        }
        expect(permission, null, 401, "without a session", failures);
        expect(permission, "Bearer not-a-jwt", 401, "with a malformed token", failures);
        expectAllowed(permission, bearer(TestSessions.platformAdmin()), "as a platform administrator", failures);
        String[] allRoles = roleNames(TenantRole.values());
        if (scope instanceof TenantScope.SignedIn) {
            expectAllowed(permission, bearer(TestSessions.member(tenant)), "as a member without roles", failures);
            return;
        }
        if (scope instanceof TenantScope.Platform) {
            expect(
                    permission,
                    bearer(TestSessions.member(tenant, allRoles)),
                    403,
                    "as a tenant with every role",
                    failures);
            return;
        }
        expect(
                permission,
                bearer(TestSessions.member(otherTenant, allRoles)),
                403,
                "as another tenant's admin",
                failures);
        for (TenantRole role : TenantRole.values()) {
            String token = bearer(TestSessions.member(tenant, role.wireName()));
            String as = "as " + role.wireName();
            if (permission.grantOf(role) == Grant.DENY) {
                expect(permission, token, 403, as, failures);
            } else {
                expectAllowed(permission, token, as, failures);
            }
        }
    }

    private void expect(Permission permission, String authorization, int status, String as, List<String> failures)
            throws IOException, InterruptedException {
        int actual = call(permission, authorization);
        if (actual != status) {
            failures.add(permission.endpoint() + " " + as + ": expected " + status + ", got " + actual);
        }
    }

    private void expectAllowed(Permission permission, String authorization, String as, List<String> failures)
            throws IOException, InterruptedException {
        Answer answer = answer(permission, authorization);
        if (answer.isAccessRefusal()) {
            failures.add(permission.endpoint() + " " + as + ": expected to be let through, got " + answer.status());
        }
    }

    private int call(Permission permission, String authorization) throws IOException, InterruptedException {
        return answer(permission, authorization).status();
    }

    private Answer answer(Permission permission, String authorization) throws IOException, InterruptedException {
        String path = concrete(permission.path(), permission.tenant());
        String body = permission.method().equals("GET") || permission.method().equals("DELETE") ? null : "{}";
        return send(permission.method(), path, authorization, body);
    }

    private String concrete(String template, TenantScope scope) {
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean isTenant = scope instanceof TenantScope.PathParameter parameter
                    && parameter.name().equals(name);
            matcher.appendReplacement(path, isTenant ? tenant : "matrix-" + name.toLowerCase());
        }
        matcher.appendTail(path);
        if (scope instanceof TenantScope.QueryParameter query) {
            path.append('?').append(query.name()).append('=').append(URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    private Answer send(String method, String path, String authorization) throws IOException, InterruptedException {
        return send(method, path, authorization, null);
    }

    private Answer send(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, text/event-stream, text/plain, */*")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // A stream (server-sent events, exports) is closed without reading it to its end: only documents and
        // refusals are read.
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            String text = (status == 200 && path.startsWith("/q/")) || status == 401 || status == 403
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : null;
            return new Answer(status, text);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String[] roleNames(TenantRole[] roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].wireName();
        }
        return names;
    }

    private record Answer(int status, String body) {

        /**
         * Whether the access check refused the call (its problem types), as opposed to the service answering 401 or
         * 403 for a reason of its own once let through (the token-service's self-service endpoints refuse a test
         * session whose user has no account, for one).
         */
        boolean isAccessRefusal() {
            return (status == 401 || status == 403)
                    && body != null
                    && (body.contains(Problems.TYPE_BASE + "unauthenticated\"")
                            || body.contains(Problems.TYPE_BASE + "forbidden\""));
        }
    }
}
