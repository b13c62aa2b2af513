package io.keygate.token;

import io.keygate.token.apikey.rest.CreatedApiKey;
import io.keygate.token.oauth.rest.CreatedClient;
import io.keygate.token.oauth.rest.TokenResponse;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Test-only: writes every secret the service hands out during the test run (API keys, OAuth2 client
 * secrets, access tokens) and its configured secrets (pepper, signing-key seal) to
 * {@link #SECRETS_FILE}, so {@code IssuedSecretsNeverLoggedIT} can search the run's logs for each of them.
 */
@ApplicationScoped
public class IssuedSecretsRecorder {

    /** One secret per line; written by the tests, read by the log scan after them. */
    public static final Path SECRETS_FILE = Path.of("target", "issued-secrets.txt");

    @ConfigProperty(name = "keygate.api-key.pepper")
    String pepper;

    @ConfigProperty(name = "keygate.oauth.signing-keys.encryption-key")
    String signingKeySeal;

    void recordConfiguredSecrets(@Observes StartupEvent startup) {
        record(pepper);
        record(signingKeySeal);
    }

    @ServerResponseFilter
    public void recordIssuedSecret(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof CreatedApiKey created) {
            record(created.key());
        } else if (entity instanceof CreatedClient created) {
            record(created.clientSecret());
        } else if (entity instanceof TokenResponse token) {
            record(token.accessToken());
        }
    }

    private static synchronized void record(String secret) {
        try {
            Files.createDirectories(SECRETS_FILE.getParent());
            Files.writeString(
                    SECRETS_FILE,
                    secret + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
