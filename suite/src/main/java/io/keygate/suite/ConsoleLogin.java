package io.keygate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.access.mfa.Base32;
import io.keygate.access.mfa.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs in to the dashboard's API the way a person does, through the token-service's login steps: for the local run
 * and the end-to-end tests, which then call every service with the session's access token.
 */
public final class ConsoleLogin {

    /** The first platform admin the token-service creates (its default {@code bootstrap.admin-email}). */
    public static final String BOOTSTRAP_ADMIN = "admin@keygate.local";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int tokenPort;
    private final Totp totp = new Totp(Clock.systemUTC());

    public ConsoleLogin(int tokenPort) {
        this.tokenPort = tokenPort;
    }

    /** What a user signs in with after their first login; shown once, like the dashboard would. */
    public record Credentials(String email, String password, String totpSecret, List<String> recoveryCodes) {

        @Override
        public String toString() {
            return "Credentials[" + email + "]";
        }
    }

    /** A session: its access token for {@code Authorization: Bearer}, and its refresh token. */
    public record Session(String accessToken, String refreshToken) {

        @Override
        public String toString() {
            return "Session[…]";
        }
    }

    /** A first login's outcome: the credentials chosen on the way, and the session. */
    public record FirstLogin(Credentials credentials, Session session) {}

    /**
     * The first login of an account created with a one-time password (the bootstrap admin): the password is replaced
     * by a new random one, TOTP is enrolled, and the session is returned with everything needed to sign in again.
     */
    public FirstLogin firstLogin(String email, String oneTimePassword) {
        JsonNode step = post("/auth/login", Map.of("email", email, "password", oneTimePassword));
        String password = randomPassword();
        step = expectStep(step, "PASSWORD_CHANGE");
        step = post(
                "/auth/login/password",
                Map.of("challengeToken", step.get("challengeToken").asText(), "newPassword", password));
        step = expectStep(step, "MFA_ENROLMENT");
        String challenge = step.get("challengeToken").asText();
        String secret = post("/auth/login/mfa-enrolment", Map.of("challengeToken", challenge))
                .get("secret")
                .asText();
        JsonNode session =
                post("/auth/login/mfa-enrolment/confirm", Map.of("challengeToken", challenge, "code", code(secret)));
        List<String> recoveryCodes = new ArrayList<>();
        session.path("recoveryCodes").forEach(code -> recoveryCodes.add(code.asText()));
        return new FirstLogin(new Credentials(email, password, secret, List.copyOf(recoveryCodes)), session(session));
    }

    /** A login with password and one of the user's recovery codes (each works once) instead of a TOTP code. */
    public Session loginWithRecoveryCode(Credentials credentials, String recoveryCode) {
        JsonNode step = expectStep(
                post("/auth/login", Map.of("email", credentials.email(), "password", credentials.password())), "MFA");
        return session(post(
                "/auth/login/mfa",
                Map.of("challengeToken", step.get("challengeToken").asText(), "recoveryCode", recoveryCode)));
    }

    /** Ends a session: every service refuses its access tokens from then on. */
    public void logout(Session session) {
        send("/auth/logout", null, session.accessToken(), 204);
    }

    /** A new access token (and refresh token) for a session; its refresh token is used up. */
    public Session refresh(Session session) {
        return session(post("/auth/refresh", Map.of("refreshToken", session.refreshToken())));
    }

    private String code(String secret) {
        return totp.codeAt(Base32.decode(secret), Totp.stepAt(Instant.now()));
    }

    private static JsonNode expectStep(JsonNode answer, String step) {
        if (!step.equals(answer.path("step").asText())) {
            throw new IllegalStateException("Expected the login step " + step + ", got " + answer.path("step"));
        }
        return answer;
    }

    private static Session session(JsonNode answer) {
        if (!answer.hasNonNull("accessToken")) {
            throw new IllegalStateException("The login did not end in a session: step " + answer.path("step"));
        }
        return new Session(
                answer.get("accessToken").asText(), answer.get("refreshToken").asText());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private JsonNode post(String path, Object body) {
        return send(path, body, null, 200);
    }

    private JsonNode send(String path, Object body, String accessToken, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tokenPort + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                // The body is a problem document: it never echoes a password, code or token.
                throw new IllegalStateException(
                        "POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
