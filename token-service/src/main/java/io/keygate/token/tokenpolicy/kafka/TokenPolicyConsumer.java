package io.keygate.token.tokenpolicy.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.alert.store.TenantAlertPolicyStore;
import io.keygate.token.tokenpolicy.service.TokenPolicyEnforcer;
import io.keygate.token.tokenpolicy.store.TenantTokenPolicyStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads tenants' token policies from {@code keygate.policies} (channel {@code token-policies}; their alert policies
 * go to {@link TenantAlertPolicyStore}; other policy events are skipped). A policy is stored only if its version is higher than the stored one, then applied to
 * the tenant's keys at once. The record's offset is committed once the policy is stored: a crash before that
 * redelivers it, and a crash during the alignment leaves the version unaligned for the periodic pass. A
 * redelivery of a stored version does nothing.
 */
@ApplicationScoped
public class TokenPolicyConsumer {

    private static final Logger LOG = Logger.getLogger(TokenPolicyConsumer.class);

    private final TenantTokenPolicyStore store;
    private final TokenPolicyEnforcer enforcer;
    private final TenantAlertPolicyStore alertPolicies;
    private final EventCodec codec = new EventCodec();

    TokenPolicyConsumer(
            TenantTokenPolicyStore store, TokenPolicyEnforcer enforcer, TenantAlertPolicyStore alertPolicies) {
        this.store = store;
        this.enforcer = enforcer;
        this.alertPolicies = alertPolicies;
    }

    /** The topic is created with its contract settings before the channel subscribes, whoever starts first. */
    void createTopic(
            @Observes @Priority(5) StartupEvent startup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventStoreConfig storeConfig) {
        KafkaTopics.ensureExist(
                kafkaConfig, "token-service-policy-topics", List.of(Topic.POLICIES), storeConfig.replicationFactor());
    }

    @Incoming("token-policies")
    public Uni<Void> receive(CloudEvent event) {
        if (event != null && AlertPolicySet.class.equals(typeOf(event))) {
            // A tenant's alert policy: whether critical alerts may revoke its keys (see AlertConsumer).
            return alertPolicies.save(
                    ((AlertPolicySet) codec.fromCloudEvent(event).data()).policy());
        }
        if (event == null || !TokenPolicySet.class.equals(typeOf(event))) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<KeygateEvent> envelope = codec.fromCloudEvent(event);
        TokenPolicySet set = (TokenPolicySet) envelope.data();
        return store.save(set.policy(), envelope.id().toString()).chain(stored -> {
            if (!stored) {
                LOG.debugf(
                        "Token policy v%d of tenant %s already known",
                        set.policy().version(), set.policy().tenantId());
                return Uni.createFrom().voidItem();
            }
            // Applied right away, but not awaited: a failure here is the periodic pass's to finish.
            store.find(set.policy().tenantId())
                    .chain(policy -> policy == null || !policy.needsAlignment()
                            ? Uni.createFrom().item(0)
                            : enforcer.align(policy))
                    .subscribe()
                    .with(
                            count -> LOG.debugf(
                                    "Token policy of %s applied to %d keys",
                                    set.policy().tenantId(), count),
                            failure -> LOG.warnf(failure, "Token policy alignment failed; the periodic pass retries"));
            return Uni.createFrom().voidItem();
        });
    }

    private static Class<?> typeOf(CloudEvent event) {
        return io.keygate.events.EventType.ofType(event.getType())
                .<Class<?>>map(io.keygate.events.EventType::recordClass)
                .orElse(null);
    }
}
