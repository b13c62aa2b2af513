package io.keygate.token.identity.login;

import io.keygate.events.identity.LoginStep;
import io.keygate.token.identity.session.IssuedSession;
import java.util.List;

/** Where a login step leaves the caller: with a session, or with a next step to complete. */
public sealed interface LoginOutcome {

    /**
     * The login is complete.
     *
     * @param session       the new session's tokens
     * @param recoveryCodes recovery codes issued by a TOTP enrolment during this login (shown once); else empty
     */
    record SessionGranted(IssuedSession session, List<String> recoveryCodes) implements LoginOutcome {}

    /**
     * Another step is needed before a session.
     *
     * @param step           which
     * @param challengeToken the opaque, single-use token that continues this login
     * @param expiresIn      seconds the challenge stays valid
     */
    record NextStep(LoginStep step, String challengeToken, long expiresIn) implements LoginOutcome {

        @Override
        public String toString() {
            return "NextStep[" + step + "]";
        }
    }
}
