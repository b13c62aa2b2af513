package io.keygate.token.oauth.service;

import io.keygate.access.session.AccessState;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.oauth.PrivateKeyCipher;
import io.keygate.token.oauth.SigningKey;
import io.keygate.token.oauth.SigningKeyMaterial;
import io.keygate.token.oauth.config.OAuthConfig;
import io.keygate.token.oauth.store.SealedSigningKey;
import io.keygate.token.oauth.store.SigningKeyStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Generates, activates and retires the token-signing keys. A new key's published event is appended with
 * the key in one transaction; the key signs only once the outbox relay reports that Kafka acknowledged
 * the event (its outbox row is gone), so every verifier can know a key before it sees a token signed
 * with it. A superseded key is retired once every token it signed has expired.
 */
@ApplicationScoped
public class SigningKeyService {

    static final String AGGREGATE_TYPE = "signing-key";
    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);
    private static final Duration PUBLICATION_POLL = Duration.ofMillis(50);

    private final EventStore events;
    private final SigningKeyStore keys;
    private final OAuthConfig config;
    private final String source;
    private final PrivateKeyCipher cipher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ActiveSigningKey> opened = new ConcurrentHashMap<>();
    private final AccessState access;

    SigningKeyService(
            EventStore events,
            SigningKeyStore keys,
            OAuthConfig config,
            EventStoreConfig storeConfig,
            AccessState access) {
        this.events = events;
        this.access = access;
        this.keys = keys;
        this.config = config;
        this.source = storeConfig.source();
        this.cipher = new PrivateKeyCipher(config.signingKeys().encryptionKey());
    }

    /** Publishes a new key, waits until Kafka has it, then makes it the signing key; returns its id. */
    public Uni<String> rotate(String correlationId) {
        return Uni.createFrom()
                .item(() -> SigningKeyMaterial.newKeyPair(random))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(pair -> publish(pair, correlationId))
                .chain(published -> awaitPublication(published.id())
                        .chain(() -> keys.activate(published.subject(), now()))
                        .invoke(() -> LOG.infof("Signing key %s published and active", published.subject()))
                        .replaceWith(published.subject()));
    }

    /** The key that signs now; null when none is active yet. */
    public Uni<ActiveSigningKey> signingKey() {
        return keys.signingKey()
                .map(stored -> stored == null
                        ? null
                        : opened.computeIfAbsent(stored.key().keyId(), keyId -> open(stored)));
    }

    private ActiveSigningKey open(SealedSigningKey stored) {
        SigningKey key = stored.key();
        // Its event is on Kafka already; this instance's own session checks trust it now rather than when their
        // consumer reads it back, so a session signed right after start verifies here at once.
        access.signingKeys()
                .apply(new SigningKeyState(
                        key.keyId(), key.publicKey(), SigningKeyStatus.PUBLISHED, key.publishedAt(), null));
        return new ActiveSigningKey(key.keyId(), cipher.decrypt(key.keyId(), stored.sealedPrivateKey()));
    }

    /** Whether a key is active; at start, a service without one publishes one. */
    public Uni<Boolean> hasSigningKey() {
        return keys.signingKey().map(stored -> stored != null);
    }

    /** The published keys that verifiers must accept: the JWKS. */
    public Uni<List<PublicJwk>> keySet() {
        return keys.keySet()
                .map(list -> list.stream().map(SigningKey::publicKey).toList());
    }

    /** Retires, at {@code now}, every superseded key whose tokens have all expired; returns their ids. */
    public Uni<List<String>> retireExpired(Instant now) {
        return keys.superseded()
                .chain(candidates -> Multi.createFrom()
                        .iterable(candidates)
                        .filter(key -> key.isRetirableAt(now, config.tokenLifetime(), config.clockSkew()))
                        .onItem()
                        .transformToUniAndConcatenate(key -> retire(key, now))
                        .collect()
                        .asList());
    }

    private Uni<EventEnvelope<KeygateEvent>> publish(KeyPair pair, String correlationId) {
        String keyId = SigningKeyMaterial.newKeyId(random);
        Instant at = now();
        PublicJwk jwk = SigningKeyMaterial.toJwk(keyId, (RSAPublicKey) pair.getPublic());
        SigningKeyPublished event = SigningKey.published(keyId, jwk, at);
        EventEnvelope<KeygateEvent> envelope = EventEnvelope.create(source, 1, at, correlationId, null, event);
        byte[] sealed = cipher.encrypt(keyId, pair.getPrivate());
        SigningKey key = new SigningKey(keyId, jwk, at, null, null, null);
        return events.inTransaction(tx -> events.append(tx, AGGREGATE_TYPE, 0, List.of(envelope))
                        .chain(() -> keys.insert(tx, key, sealed)))
                .replaceWith(envelope);
    }

    private Uni<Void> awaitPublication(java.util.UUID eventId) {
        return keys.isAwaitingPublication(eventId)
                .onItem()
                .transformToUni(waiting -> waiting
                        ? Uni.createFrom().<Void>failure(new PublicationPendingException())
                        : Uni.createFrom().voidItem())
                .onFailure(PublicationPendingException.class)
                .retry()
                .withBackOff(PUBLICATION_POLL, PUBLICATION_POLL)
                .expireIn(config.signingKeys().publicationTimeout().toMillis())
                .onFailure(PublicationPendingException.class)
                .transform(e -> new IllegalStateException(
                        "Signing-key event " + eventId + " not acknowledged by Kafka in time; the key stays inactive"));
    }

    private Uni<String> retire(SigningKey key, Instant now) {
        SigningKeyRetired event = key.retire(now);
        return events.load(key.keyId())
                .chain(history -> {
                    EventEnvelope<KeygateEvent> envelope =
                            EventEnvelope.create(source, history.size() + 1L, now, null, null, event);
                    return events.inTransaction(
                            tx -> events.append(tx, AGGREGATE_TYPE, history.size(), List.of(envelope))
                                    .chain(() -> keys.retire(tx, key.keyId(), now)));
                })
                .invoke(() -> {
                    opened.remove(key.keyId());
                    LOG.infof("Signing key %s retired", key.keyId());
                })
                .replaceWith(key.keyId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The outbox still holds the event; polled again shortly. */
    private static final class PublicationPendingException extends RuntimeException {
        PublicationPendingException() {
            super(null, null, false, false);
        }
    }
}
