package io.keygate.token.identity.passkey;

import io.keygate.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Hides the WebAuthn extension's own routes under {@code /q/webauthn/} (challenge cookies, a logout, its JavaScript):
 * Keygate's ceremonies are its JSON endpoints under {@code /auth}, and its sessions are the token-service's, not the
 * extension's cookie. Its login and registration endpoints are off by configuration; the others cannot be, so they
 * answer 404 before the extension's handlers run.
 */
@ApplicationScoped
public class WebAuthnBuiltInEndpoints {

    static final String PATHS = "/q/webauthn/*";

    void hide(@Observes Router router) {
        router.route(PATHS)
                .order(Integer.MIN_VALUE)
                .handler(context -> context.response()
                        .setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"" + Problems.TYPE_BASE + "not-found\",\"title\":\"Not found\",\"status\":404,"
                                + "\"detail\":\"The WebAuthn endpoints are under /auth\"}"));
    }
}
