package io.keygate.testkit;

import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.access.SessionClaims;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Session tokens for tests, verified by the services exactly like the token-service's: a test signing key (one per
 * JVM) is published on a Kafka's {@code keygate.signing-keys} as a {@code signing-key.published} event, and tokens
 * are signed with it with the session claims of {@link SessionClaims}.
 */
public final class TestSessions {

    /** The issuer every service expects by default ({@code KEYGATE_OAUTH_ISSUER} unset). */
    public static final String ISSUER = "http://localhost:8081";

    /**
     * JVM-wide (system properties): Quarkus loads this class once per application start, in a class loader of its
     * own, and every copy must sign with the key that was published.
     */
    private static final String KEY_PROPERTY = "io.keygate.testkit.session-signing-key";

    private static final String PUBLISHED_PROPERTY = "io.keygate.testkit.session-signing-key.published-to";
    private static final String KEY_ID;
    private static final RSAPrivateCrtKey KEY;

    static {
        synchronized (System.class) {
            String stored = System.getProperty(KEY_PROPERTY);
            if (stored == null) {
                stored = "testkit-" + UUID.randomUUID() + ":"
                        + Base64.getEncoder()
                                .encodeToString(generate().getPrivate().getEncoded());
                System.setProperty(KEY_PROPERTY, stored);
            }
            KEY_ID = stored.substring(0, stored.indexOf(':'));
            KEY = privateKey(Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1)));
        }
    }

    private TestSessions() {}

    /** Publishes the test signing key on the Kafka at {@code bootstrapServers}, once per JVM and broker. */
    public static void publishSigningKey(String bootstrapServers) {
        synchronized (System.class) {
            String publishedTo = System.getProperty(PUBLISHED_PROPERTY, "");
            if (Arrays.asList(publishedTo.split(",")).contains(bootstrapServers)) {
                return;
            }
            publishOnce(bootstrapServers);
            System.setProperty(PUBLISHED_PROPERTY, publishedTo + "," + bootstrapServers);
        }
    }

    private static void publishOnce(String bootstrapServers) {
        // Kafka's clients load their plugins through the context class loader, which inside a Quarkus test is the
        // application's: they must come from the loader of these Kafka classes instead.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TestSessions.class.getClassLoader());
        try {
            publish(bootstrapServers);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void publish(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class.getName());
        KafkaTopics.ensureExist(
                config, "keygate-testkit-sessions", List.of(Topic.SIGNING_KEYS, Topic.IDENTITIES), (short) 1);
        SigningKeyState state =
                new SigningKeyState(KEY_ID, publicJwk(), SigningKeyStatus.PUBLISHED, Instant.now(), null);
        EventEnvelope<SigningKeyPublished> envelope =
                EventEnvelope.create("/testkit", 1, Instant.now(), null, null, new SigningKeyPublished(state));
        try (KafkaProducer<String, io.cloudevents.CloudEvent> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(
                            Topic.SIGNING_KEYS.topicName(), KEY_ID, new EventCodec().toCloudEvent(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the test signing key", e);
        }
    }

    /** A platform administrator's session token (valid 12 hours). */
    public static String platformAdmin() {
        return token(newUserId(), null, List.of(), true);
    }

    /** A session token of a member of {@code tenant} with these roles ({@code admin}, {@code developer}, …). */
    public static String member(String tenant, String... roles) {
        return token(newUserId(), tenant, Arrays.asList(roles), false);
    }

    /** A session token of a member of {@code tenant} in these teams, with these roles. */
    public static String memberOfTeams(String tenant, List<String> teams, String... roles) {
        return token(
                newUserId(),
                "session-" + UUID.randomUUID(),
                tenant,
                Arrays.asList(roles),
                false,
                Duration.ofHours(12),
                teams);
    }

    /** A fresh user id shaped as the token-service makes them: {@code usr_} + 32 hex digits. */
    public static String newUserId() {
        return "usr_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The user id ({@code sub}) of a session token made here. */
    public static String userIdOf(String sessionToken) {
        try {
            return JwtClaims.parse(new String(
                            Base64.getUrlDecoder().decode(sessionToken.split("\\.")[1]), StandardCharsets.UTF_8))
                    .getSubject();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new IllegalArgumentException("Not a session token", e);
        }
    }

    /** A session token with everything chosen (valid 12 hours). */
    public static String token(String userId, String tenant, List<String> roles, boolean platformAdmin) {
        return token(userId, "session-" + UUID.randomUUID(), tenant, roles, platformAdmin, Duration.ofHours(12));
    }

    /** A session token with everything chosen. */
    public static String token(
            String userId,
            String sessionId,
            String tenant,
            List<String> roles,
            boolean platformAdmin,
            Duration lifetime) {
        return token(userId, sessionId, tenant, roles, platformAdmin, lifetime, List.of());
    }

    /** A session token with everything chosen, teams included. */
    public static String token(
            String userId,
            String sessionId,
            String tenant,
            List<String> roles,
            boolean platformAdmin,
            Duration lifetime,
            List<String> teams) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(SessionClaims.AUDIENCE);
        claims.setSubject(userId);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(
                NumericDate.fromSeconds(Instant.now().plus(lifetime).getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SESSION);
        claims.setClaim(SessionClaims.SESSION_ID, sessionId);
        if (tenant != null) {
            claims.setClaim(SessionClaims.TENANT, tenant);
        }
        claims.setClaim(SessionClaims.ROLES, roles);
        if (!teams.isEmpty()) {
            claims.setClaim(SessionClaims.TEAMS, teams);
        }
        if (platformAdmin) {
            claims.setClaim(SessionClaims.PLATFORM_ADMIN, true);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(KEY);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJwk publicJwk() {
        return new PublicJwk(
                "RSA",
                KEY_ID,
                "sig",
                "RS256",
                base64url(KEY.getModulus().toByteArray()),
                base64url(KEY.getPublicExponent().toByteArray()));
    }

    private static String base64url(byte[] twosComplement) {
        byte[] unsigned = twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    private static RSAPrivateCrtKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
