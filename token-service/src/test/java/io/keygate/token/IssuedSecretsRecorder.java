package io.keygate.token;

import io.keygate.token.apikey.rest.CreatedApiKey;
import io.keygate.token.identity.rest.IdentityViews.EnrolmentView;
import io.keygate.token.identity.rest.IdentityViews.InvitationView;
import io.keygate.token.identity.rest.IdentityViews.LoginView;
import io.keygate.token.identity.rest.IdentityViews.RecoveryCodesView;
import io.keygate.token.identity.serviceaccount.ServiceAccountResource.CreatedServiceAccountView;
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
 * secrets, service-account secrets, access and service tokens, invitation, challenge and refresh tokens, session tokens, TOTP secrets, recovery codes), the
 * passwords and TOTP codes the tests send, and its configured secrets (pepper, signing-key seal, bootstrap password) to
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

    @ConfigProperty(name = "keygate.identity.bootstrap.admin-password")
    String bootstrapPassword;

    void recordConfiguredSecrets(@Observes StartupEvent startup) {
        record(pepper);
        record(signingKeySeal);
        record(bootstrapPassword);
    }

    /**
     * A secret a test sent rather than received (a password, a TOTP code in its JSON form {@code "code":"123456"}:
     * six digits alone would match timestamps by chance).
     */
    public static void remember(String secret) {
        record(secret);
    }

    @ServerResponseFilter
    public void recordIssuedSecret(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof CreatedApiKey created) {
            record(created.key());
        } else if (entity instanceof CreatedClient created) {
            record(created.clientSecret());
        } else if (entity instanceof CreatedServiceAccountView created) {
            record(created.clientSecret());
        } else if (entity instanceof TokenResponse token) {
            record(token.accessToken());
        } else if (entity instanceof InvitationView invitation) {
            record(invitation.invitationToken());
        } else if (entity instanceof LoginView login) {
            recordAll(login.accessToken(), login.refreshToken(), login.challengeToken());
            if (login.recoveryCodes() != null) {
                login.recoveryCodes().forEach(IssuedSecretsRecorder::record);
            }
        } else if (entity instanceof EnrolmentView enrolment) {
            recordAll(enrolment.secret(), enrolment.otpauthUri());
        } else if (entity instanceof RecoveryCodesView codes) {
            codes.recoveryCodes().forEach(IssuedSecretsRecorder::record);
        }
    }

    private static void recordAll(String... secrets) {
        for (String secret : secrets) {
            if (secret != null) {
                record(secret);
            }
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
