package io.keygate.token.identity.login;

import io.keygate.events.identity.LoginStep;
import io.keygate.events.identity.UserState;
import io.keygate.token.identity.session.IssuedSession;
import java.util.ArrayList;
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
     * @param methods        for the MFA step, the second factors the user can answer it with ({@code totp},
     *                       {@code recovery-code}, {@code passkey}); else empty
     */
    record NextStep(LoginStep step, String challengeToken, long expiresIn, List<String> methods)
            implements LoginOutcome {

        @Override
        public String toString() {
            return "NextStep[" + step + "]";
        }
    }

    /** The second factors {@code user} can complete {@code step} with (only the MFA step has any). */
    static List<String> mfaMethods(UserState user, LoginStep step) {
        List<String> methods = new ArrayList<>();
        if (step != LoginStep.MFA) {
            return methods;
        }
        if (user.mfaEnrolled()) {
            methods.add("totp");
        }
        if (user.recoveryCodesRemaining() > 0) {
            methods.add("recovery-code");
        }
        if (user.passkeys() > 0) {
            methods.add("passkey");
        }
        return List.copyOf(methods);
    }
}
