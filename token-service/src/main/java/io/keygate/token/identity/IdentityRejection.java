package io.keygate.token.identity;

import java.time.Duration;

/** Why an identity command (tenants, users, logins, sessions) was refused; each maps to one HTTP status. */
public sealed interface IdentityRejection {

    /** Human-readable detail, safe to show the caller (never a secret, never whether an account exists). */
    String detail();

    /** No such tenant or user (another tenant's user is reported the same way). 404. */
    record NotFound(String what) implements IdentityRejection {
        @Override
        public String detail() {
            return what + " does not exist";
        }
    }

    /** The request conflicts with the current state (id or e-mail address taken, user not in the right state). 409. */
    record Conflict(String detail) implements IdentityRejection {}

    /** A field breaks a rule (e.g. the password policy). 400 naming the field. */
    record InvalidField(String field, String message) implements IdentityRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (" + message + ")";
        }
    }

    /**
     * A login step failed, for whatever reason (unknown account, wrong password or code, inactive user, lock): one
     * answer for all, so it tells nothing about the account. 401; {@code retryAfter} (may be null) becomes
     * {@code Retry-After} when the account name or client address is locked, which an unknown name is as well.
     */
    record AuthenticationFailed(Duration retryAfter) implements IdentityRejection {
        @Override
        public String detail() {
            return "The credentials are not valid";
        }
    }

    /** A one-time token (invitation, login challenge, refresh token) is unknown, expired or used. 401 naming it. */
    record InvalidToken(String field) implements IdentityRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (unknown, expired or already used)";
        }
    }

    /** The request has no authenticated caller (self-service endpoints). 401. */
    record NotAuthenticated() implements IdentityRejection {
        @Override
        public String detail() {
            return "A session is required";
        }
    }

    /** No signing key is active yet (the service just started): try again shortly. 503. */
    record Unavailable() implements IdentityRejection {
        @Override
        public String detail() {
            return "No signing key is available yet; try again shortly";
        }
    }
}
