package io.keygate.access.session;

import io.keygate.access.AccessConfig;
import io.keygate.access.permission.PermissionTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** What verifying sessions needs, kept current by {@link AccessStateConsumer}. */
@ApplicationScoped
public class AccessState {

    private final SigningKeys signingKeys = new SigningKeys();
    private final EndedSessions endedSessions = new EndedSessions();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final SessionTokenVerifier verifier;
    private final String service;

    AccessState(AccessConfig config) {
        this.service = config.service();
        if (PermissionTable.bundled().of(service).isEmpty()) {
            throw new IllegalStateException("docs/permissions.md has no rows for service '" + service
                    + "' (keygate.access.service): every call would be refused");
        }
        this.verifier = new SessionTokenVerifier(
                signingKeys, endedSessions, config.issuer(), config.clockSkew(), config.verifiedTokenCacheSize());
    }

    /** This service's name in the permission table. */
    public String service() {
        return service;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    public EndedSessions endedSessions() {
        return endedSessions;
    }

    public SessionTokenVerifier verifier() {
        return verifier;
    }

    /** Whether the signing keys published before this instance started have all been read. */
    public boolean isCaughtUp() {
        return caughtUp.get();
    }

    void markCaughtUp() {
        caughtUp.set(true);
    }
}
