package io.keygate.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after all of token-service's tests (failsafe, {@code verify}): searches everything the test run
 * logged (the service's log file at DEBUG with the HTTP access log, and every test's captured console
 * output) for every secret the run issued or was configured with. None may appear.
 */
class IssuedSecretsNeverLoggedIT {

    private static final Path SERVICE_LOG = Path.of("target", "quarkus-test.log");
    private static final Path TEST_OUTPUT = Path.of("target", "surefire-reports");

    @Test
    void noSecretIssuedDuringTheTestRunAppearsInItsLogs() throws IOException {
        Set<String> secrets = new LinkedHashSet<>(Files.readAllLines(IssuedSecretsRecorder.SECRETS_FILE));
        List<String> found = new ArrayList<>();
        StringBuilder serviceLog = new StringBuilder();
        for (Path log : logs()) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (log.startsWith(SERVICE_LOG.getParent()) && !log.startsWith(TEST_OUTPUT)) {
                serviceLog.append(text);
            }
            secrets.stream()
                    .filter(text::contains)
                    .map(s -> mask(s) + " in " + log)
                    .forEach(found::add);
        }
        // The scan means something only if the run issued secrets and logged its requests.
        assertThat(secrets).hasSizeGreaterThan(50);
        assertThat(serviceLog.length()).isGreaterThan(100_000);
        assertThat(serviceLog)
                .contains("POST /tenants/", "POST /oauth2/token", "POST /auth/login", "POST /auth/refresh");
        // The WebAuthn extension logs a key it generated when none is configured.
        assertThat(serviceLog).doesNotContain("using temporary key");
        assertThat(found).as("secrets found in the logs").isEmpty();
    }

    private static List<Path> logs() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> serviceLogs = Files.list(SERVICE_LOG.getParent())) {
            // quarkus-test.log and its rotated predecessors (quarkus-test.log.1, …)
            serviceLogs
                    .filter(p -> p.getFileName()
                            .toString()
                            .startsWith(SERVICE_LOG.getFileName().toString()))
                    .forEach(logs::add);
        }
        try (Stream<Path> reports = Files.list(TEST_OUTPUT)) {
            reports.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".txt"))
                    .forEach(logs::add);
        }
        return logs;
    }

    private static String mask(String secret) {
        return secret.substring(0, Math.min(8, secret.length())) + "…";
    }
}
