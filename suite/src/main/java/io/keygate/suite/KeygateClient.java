package io.keygate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small JSON client for the suite's REST APIs and its gateway, used by the local run and the tests. */
public final class KeygateClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final SuitePorts ports;
    private final String sessionToken;

    /** A client calling the REST APIs with a dashboard session's access token ({@code Authorization: Bearer}). */
    public KeygateClient(SuitePorts ports, String sessionToken) {
        this.ports = ports;
        this.sessionToken = sessionToken;
    }

    /** An API in a tenant's catalog with one route and one plan: what a consumer subscribes to. */
    public record ExposedApi(String apiId, String routeId, String planId) {}

    /**
     * Adds an API named {@code name} to the tenant's catalog, defines its route (any host, every method) and
     * offers one plan on it.
     *
     * @param subscriptionApproval whether subscriptions wait for the tenant's approval
     */
    public ExposedApi exposeApi(
            String tenantId, String name, String pathPrefix, String upstreamUrl, boolean subscriptionApproval) {
        String apiId = send(
                        "POST",
                        ports.policy(),
                        "/tenants/" + tenantId + "/apis",
                        Map.of("name", name, "apiVersion", "v1", "subscriptionApproval", subscriptionApproval),
                        201)
                .get("id")
                .asText();
        String routeId = send(
                        "POST",
                        ports.policy(),
                        "/tenants/" + tenantId + "/apis/" + apiId + "/routes",
                        Map.of("name", name, "pathPrefix", pathPrefix, "targets", List.of(Map.of("url", upstreamUrl))),
                        201)
                .get("id")
                .asText();
        String planId = send(
                        "POST",
                        ports.policy(),
                        "/tenants/" + tenantId + "/apis/" + apiId + "/plans",
                        Map.of("name", "standard", "rateLimit", Map.of("requests", 100, "per", "SECOND")),
                        201)
                .get("planId")
                .asText();
        return new ExposedApi(apiId, routeId, planId);
    }

    /** Creates a tenant (a platform administrator's act). */
    public JsonNode createTenant(String tenantId, String name) {
        return send("POST", ports.token(), "/tenants", Map.of("id", tenantId, "name", name), 201);
    }

    /** Creates a service account; the answer carries {@code clientId} and, this once, {@code clientSecret}. */
    public JsonNode createServiceAccount(String tenantId, String name, List<String> roles) {
        return send(
                "POST",
                ports.token(),
                "/tenants/" + tenantId + "/service-accounts",
                Map.of("name", name, "roles", roles),
                201);
    }

    /** Revokes a service account: every service refuses its tokens from then on. */
    public JsonNode revokeServiceAccount(String tenantId, String serviceAccountId) {
        return send(
                "POST",
                ports.token(),
                "/tenants/" + tenantId + "/service-accounts/" + serviceAccountId + "/revoke",
                null,
                200);
    }

    /** Exchanges a service account's credentials for a service token (client credentials, HTTP Basic). */
    public String serviceToken(String clientId, String clientSecret) {
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.token() + "/auth/service-token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        return exchange(request, 200).get("access_token").asText();
    }

    /** Creates an application (the owner of credentials and subscriptions) and returns its id. */
    public String createApplication(String tenantId, String name) {
        return send("POST", ports.token(), "/tenants/" + tenantId + "/applications", Map.of("name", name), 201)
                .get("id")
                .asText();
    }

    /** Subscribes an application to an API under a plan; returns the subscription (with its status). */
    public JsonNode subscribe(String tenantId, String applicationId, ExposedApi api) {
        return send(
                "POST",
                ports.policy(),
                "/tenants/" + tenantId + "/subscriptions",
                Map.of("applicationId", applicationId, "apiId", api.apiId(), "planId", api.planId()),
                201);
    }

    /** The API owner approves a pending subscription. */
    public JsonNode approveSubscription(String apiTenantId, String apiId, String subscriptionId, String note) {
        return send(
                "POST",
                ports.policy(),
                "/tenants/" + apiTenantId + "/apis/" + apiId + "/subscriptions/" + subscriptionId + "/approve",
                Map.of("note", note),
                200);
    }

    /** Issues an API key for an application and returns the create response (the only one with the secret). */
    public JsonNode createApiKey(String tenantId, String name, String applicationId) {
        return send(
                "POST",
                ports.token(),
                "/tenants/" + tenantId + "/api-keys",
                Map.of("name", name, "applicationId", applicationId),
                201);
    }

    /** Issues an API key with any of its attributes (ipAllowList, scopes, …) besides its name and application. */
    public JsonNode createApiKey(String tenantId, Map<String, Object> attributes) {
        return send("POST", ports.token(), "/tenants/" + tenantId + "/api-keys", attributes, 201);
    }

    /** Sets the tenant's alert policy: whether critical alerts revoke keys and block client addresses. */
    public JsonNode setAlertPolicy(String tenantId, boolean revokeKeys, boolean blockIps, String blockFor) {
        return send(
                "PUT",
                ports.policy(),
                "/tenants/" + tenantId + "/alert-policy",
                Map.of("revokeKeys", revokeKeys, "blockIps", blockIps, "blockFor", blockFor),
                200);
    }

    /** Revokes an API key. */
    public JsonNode revokeApiKey(String tenantId, String keyId, String reason) {
        return send(
                "POST",
                ports.token(),
                "/tenants/" + tenantId + "/api-keys/" + keyId + "/revoke",
                Map.of("reason", reason),
                200);
    }

    /** GETs a JSON document from a service port. */
    public JsonNode get(int port, String pathAndQuery) {
        return send("GET", port, pathAndQuery, null, 200);
    }

    /** GETs a path of a service port and returns the status only. */
    public int status(int port, String pathAndQuery) {
        return statusOf(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + sessionToken));
    }

    /** Calls the gateway's proxy with an API key (null for none) and returns the status. */
    public int callGateway(String path, String apiKey) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.gatewayProxy() + path));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return statusOf(request);
    }

    private int statusOf(HttpRequest.Builder request) {
        try {
            return http.send(
                            request.timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, int port, String path, Object body, int expectedStatus) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + sessionToken)
                        .method(method, publisher)
                        .build(),
                expectedStatus);
    }

    /** Sends a request and reads its JSON answer, which must have {@code expectedStatus}. */
    private JsonNode exchange(HttpRequest request, int expectedStatus) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
