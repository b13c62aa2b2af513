package io.keygate.token.alert.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.alert.AlertRaised;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.alert.AutoRevocation;
import io.keygate.token.alert.config.AlertActionConfig;
import io.keygate.token.alert.store.TenantAlertPolicyStore;
import io.keygate.token.apikey.ApiKeyRejectedException;
import io.keygate.token.apikey.service.ApiKeyService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads analytics' alerts ({@code keygate.alerts}, channel {@code alerts}) and revokes the key of each critical alert
 * that suggests it, for the tenants whose alert policy (set in the policy-service) allows it or that are listed in
 * {@code keygate.alert-actions.auto-revoke-tenants}, with the alert's event id
 * as the revocation's cause. Revocation is idempotent, so a redelivered alert changes nothing; an alert about a key
 * the service does not know (or of another tenant) is logged and skipped.
 */
@ApplicationScoped
public class AlertConsumer {

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

    private final ApiKeyService keys;
    private final Set<String> autoRevokeTenants;
    private final MeterRegistry metrics;
    private final TenantAlertPolicyStore policies;
    private final EventCodec codec = new EventCodec();

    AlertConsumer(
            ApiKeyService keys, AlertActionConfig config, MeterRegistry metrics, TenantAlertPolicyStore policies) {
        this.keys = keys;
        this.policies = policies;
        this.autoRevokeTenants = config.autoRevokeTenants().orElse(Set.of());
        this.metrics = metrics;
    }

    /** The topic is created with its contract settings before the channel subscribes, whoever starts first. */
    void createTopic(
            @Observes @Priority(5) StartupEvent startup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventStoreConfig storeConfig) {
        KafkaTopics.ensureExist(
                kafkaConfig, "token-service-alert-topics", List.of(Topic.ALERTS), storeConfig.replicationFactor());
    }

    @Incoming("alerts")
    public Uni<Void> receive(CloudEvent event) {
        Optional<EventEnvelope<AlertRaised>> read = codec.fromCloudEventIf(event, AlertRaised.class);
        if (read.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<AlertRaised> envelope = read.get();
        AlertRaised alert = envelope.data();
        if (!AutoRevocation.suggestsRevocation(alert)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Boolean> allowed = AutoRevocation.revokes(alert, autoRevokeTenants)
                ? Uni.createFrom().item(true)
                : policies.revokesKeys(alert.tenantId());
        return allowed.chain(
                revoke -> revoke ? revoke(alert, envelope) : Uni.createFrom().voidItem());
    }

    private Uni<Void> revoke(AlertRaised alert, EventEnvelope<AlertRaised> envelope) {
        return keys.revokeForAlert(
                        alert.tenantId(),
                        alert.keyId(),
                        AutoRevocation.reasonOf(alert),
                        envelope.id().toString())
                .invoke(revoked -> {
                    if (revoked) {
                        metrics.counter(
                                        "keygate.alerts.keys.revoked",
                                        "kind",
                                        alert.kind().name())
                                .increment();
                        LOG.infof(
                                "Revoked key %s of tenant %s for alert %s (%s)",
                                alert.keyId(), alert.tenantId(), envelope.id(), alert.kind());
                    }
                })
                .onFailure(ApiKeyRejectedException.class)
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "Alert %s names key %s of tenant %s, which cannot be revoked: %s",
                            envelope.id(), alert.keyId(), alert.tenantId(), failure.getMessage());
                    return false;
                })
                .replaceWithVoid();
    }
}
