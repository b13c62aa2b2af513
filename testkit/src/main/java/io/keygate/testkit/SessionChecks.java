package io.keygate.testkit;

/**
 * Whether the module under test checks sessions (has the {@code access} module on its classpath). Kept apart from
 * {@link TestSessions}, whose JWT classes exist only in such modules.
 */
final class SessionChecks {

    private SessionChecks() {}

    /** Publishes {@link TestSessions}' signing key on the broker, if sessions are checked here. */
    static void publishTestSigningKeyIfChecked(String bootstrapServers) {
        try {
            Class.forName("io.keygate.access.SessionClaims", false, SessionChecks.class.getClassLoader());
        } catch (ClassNotFoundException noAccessModule) {
            return;
        }
        TestSessions.publishSigningKey(bootstrapServers);
    }
}
