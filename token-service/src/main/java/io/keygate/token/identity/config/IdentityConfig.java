package io.keygate.token.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Dashboard identities: invitations, logins, sessions, lockout, the first admin ({@code keygate.identity.*}). */
@ConfigMapping(prefix = "keygate.identity")
public interface IdentityConfig {

    /** How long an invitation can be accepted. */
    @WithDefault("72H")
    Duration invitationLifetime();

    /** How long a login's next step (MFA, forced password change, TOTP enrolment) can be completed. */
    @WithDefault("5M")
    Duration challengeLifetime();

    /** Whether every user must have TOTP: a user without it enrols during login before getting a session. */
    @WithDefault("true")
    boolean mfaRequired();

    /** The issuer label in authenticator apps ({@code otpauth://totp/<issuer>:<email>}). */
    @WithDefault("Keygate")
    String totpIssuer();

    /**
     * Networks of the reverse proxies in front of the service (CIDRs): only from them is {@code X-Forwarded-For}
     * believed for the client address that lockout counts under. None by default: the TCP peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /** Sessions. */
    Sessions session();

    /** Passkeys (WebAuthn) as a second factor. */
    WebAuthn webauthn();

    /** Lockout after repeated login failures. */
    Lockout lockout();

    /** The first platform admin. */
    Bootstrap bootstrap();

    /** Sessions: access tokens (JWT) and their server-side refresh. */
    interface Sessions {

        /** Lifetime of a session access token. */
        @WithDefault("5M")
        Duration accessTokenLifetime();

        /** A session ends this long after login, whatever happens. */
        @WithDefault("12H")
        Duration absoluteLifetime();

        /** A session not refreshed for this long ends. */
        @WithDefault("1H")
        Duration idleTimeout();
    }

    /**
     * The WebAuthn relying party: the site passkeys are bound to. A passkey registered for one relying-party id works
     * only for that id (and its origins), so changing it later orphans every registered passkey.
     */
    interface WebAuthn {

        /** The relying-party id: the dashboard's host name or a registrable suffix of it (env KEYGATE_WEBAUTHN_RP_ID). */
        @WithDefault("localhost")
        String relyingPartyId();

        /** The name authenticators show for the relying party. */
        @WithDefault("Keygate")
        String relyingPartyName();

        /**
         * Origins the browser may run the ceremonies on: the dashboard's, scheme and port included (env
         * KEYGATE_WEBAUTHN_ORIGINS, comma-separated).
         */
        @WithDefault("http://localhost:8090")
        List<String> origins();
    }

    /** Lockout with exponential backoff, per account name (known or not) and per client address. */
    interface Lockout {

        /** Failures of one account name before it is locked. */
        @WithDefault("5")
        int accountThreshold();

        /** Failures from one client address before it is locked (higher: offices share addresses). */
        @WithDefault("20")
        int clientThreshold();

        /** The first lock; each further failure doubles it. */
        @WithDefault("30S")
        Duration baseDelay();

        /** The longest lock. */
        @WithDefault("1H")
        Duration maxDelay();

        /** Failures are forgotten after this long without one. */
        @WithDefault("1H")
        Duration failureWindow();
    }

    /** The platform admin created at the first start (when there is no user at all). */
    interface Bootstrap {

        /** Whether this process creates the first admin if there is no user; off for one-shot commands. */
        @WithDefault("true")
        boolean enabled();

        /** Its e-mail address. */
        @WithDefault("admin@keygate.local")
        String adminEmail();

        /**
         * Its one-time password (env {@code KEYGATE_BOOTSTRAP_ADMIN_PASSWORD}); if absent one is generated and printed
         * once on the console (standard output, never the log). The first login must replace it and enrol TOTP.
         */
        Optional<String> adminPassword();
    }
}
