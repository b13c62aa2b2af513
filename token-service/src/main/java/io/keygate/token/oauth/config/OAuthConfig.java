package io.keygate.token.oauth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * OAuth2 client-credentials configuration ({@code keygate.oauth.*}). Kept apart from
 * {@code keygate.api-key.*} so the two credential kinds evolve independently.
 */
@ConfigMapping(prefix = "keygate.oauth")
public interface OAuthConfig {

    /** Longest access-token lifetime the service accepts as configuration. */
    Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

    /** The {@code iss} of every token and the {@code issuer} of the RFC 8414 metadata; an https URL in production. */
    @WithDefault("http://localhost:8081")
    String issuer();

    /** The {@code aud} of every token: the resource servers (gateways) that accept them. */
    @WithDefault("keygate")
    String audience();

    /** Access-token lifetime ({@code exp - iat}): default 15 minutes, at most 1 hour. */
    @WithDefault("15M")
    Duration tokenLifetime();

    /** Clock difference tolerated between us and verifiers; a superseded key stays published this much longer. */
    @WithDefault("60S")
    Duration clockSkew();

    /** Signing keys. */
    SigningKeys signingKeys();

    /** Signing-key storage and lifecycle. */
    interface SigningKeys {

        /**
         * AES-256 key (base64, 32 bytes) that encrypts the private signing keys at rest (AES-GCM). No default
         * in production: set KEYGATE_OAUTH_SIGNING_KEYS_ENCRYPTION_KEY. Never logged.
         */
        String encryptionKey();

        /**
         * Whether this process keeps a signing key available (publishes one at start if none is active) and
         * retires superseded ones. Off only for one-shot commands such as {@code rebuild-projections}.
         */
        @WithDefault("true")
        boolean maintained();

        /** How often superseded keys are checked for retirement. */
        @WithDefault("1M")
        Duration retirementCheckInterval();

        /** How long a rotation waits for Kafka to acknowledge the new key before it gives up. */
        @WithDefault("30S")
        Duration publicationTimeout();
    }
}
