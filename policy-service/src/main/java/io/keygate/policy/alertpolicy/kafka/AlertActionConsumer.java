package io.keygate.policy.alertpolicy.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.policy.alertpolicy.AlertPolicyStore;
import io.keygate.policy.iprule.service.IpRuleService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads analytics' alerts ({@code keygate.alerts}, channel {@code alerts}) and, for a critical alert that suggests it,
 * denies its client address with a tenant IP rule when the tenant's alert policy allows it ({@code blockIps}), for the
 * policy's {@code blockFor}. The rule's cause is the alert, so the audit trail links them; a redelivered alert adds
 * nothing (the rule's id derives from the alert's). Every other alert passes by.
 */
@ApplicationScoped
public class AlertActionConsumer {

    private static final Logger LOG = Logger.getLogger(AlertActionConsumer.class);

    private final AlertPolicyStore policies;
    private final IpRuleService ipRules;
    private final MeterRegistry metrics;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();

    AlertActionConsumer(AlertPolicyStore policies, IpRuleService ipRules, MeterRegistry metrics) {
        this.policies = policies;
        this.ipRules = ipRules;
        this.metrics = metrics;
    }

    /** The topic is created with its contract settings before the channel subscribes, whoever starts first. */
    void createTopic(
            @Observes @Priority(5) StartupEvent startup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventStoreConfig storeConfig) {
        KafkaTopics.ensureExist(
                kafkaConfig, "policy-service-alert-topics", List.of(Topic.ALERTS), storeConfig.replicationFactor());
    }

    @Incoming("alerts")
    public Uni<Void> receive(CloudEvent event) {
        Optional<EventEnvelope<AlertRaised>> read = codec.fromCloudEventIf(event, AlertRaised.class);
        if (read.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<AlertRaised> envelope = read.get();
        AlertRaised alert = envelope.data();
        if (alert.severity() != AlertSeverity.CRITICAL
                || alert.suggestedAction() != AlertAction.BLOCK_IP
                || alert.clientIp() == null) {
            return Uni.createFrom().voidItem();
        }
        String alertId = envelope.id().toString();
        return policies.find(alert.tenantId()).chain(policy -> {
            if (policy == null || !policy.blockIps()) {
                return Uni.createFrom().voidItem();
            }
            String reason = "Critical alert " + alertId + " (" + alert.kind() + "): " + alert.evidence();
            return ipRules.blockForAlert(
                            alert.tenantId(),
                            alert.clientIp(),
                            alertId,
                            reason.length() > 500 ? reason.substring(0, 500) : reason,
                            clock.instant().plus(policy.blockFor()))
                    .invoke(created -> {
                        if (created) {
                            metrics.counter(
                                            "keygate.alerts.ips.blocked",
                                            "kind",
                                            alert.kind().name())
                                    .increment();
                            LOG.infof(
                                    "Denied %s for tenant %s for %s after alert %s (%s)",
                                    alert.clientIp(), alert.tenantId(), policy.blockFor(), alertId, alert.kind());
                        }
                    })
                    .replaceWithVoid();
        });
    }
}
