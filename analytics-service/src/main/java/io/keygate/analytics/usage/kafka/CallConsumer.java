package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.alert.AlertRules;
import io.keygate.analytics.alert.AnomalyDetector;
import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.rollup.CallRollups;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertRaised;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the gateway's call records, a poll's batch at a time (decoded on the poll thread by
 * {@link CallRecordDeserializer}), runs anomaly detection on them and hands them to the
 * {@link CallFlusher}, which counts many batches in one transaction and acknowledges each batch (its offsets become
 * committable) only after the database committed its counts, so a crash replays it; the replay adds nothing because
 * the transaction that counted the records also moved their partitions' offset watermarks past them. A record that
 * is not a readable call record is logged (never its payload), counted and skipped, so it cannot block its partition.
 */
@ApplicationScoped
public class CallConsumer {

    private static final Logger LOG = Logger.getLogger(CallConsumer.class);

    private final CallFlusher flusher;
    private final MeterRegistry metrics;
    private final Counter withoutTenant;
    private final Counter decodedGenerally;
    private final AnomalyDetector detector;

    CallConsumer(CallFlusher flusher, AnalyticsConfig config, MeterRegistry metrics) {
        this.flusher = flusher;
        this.metrics = metrics;
        this.withoutTenant = metrics.counter("keygate.analytics.calls.without.tenant");
        // Records not in the shape CallRecordReader reads (read the slow way): a rise means producers write a shape
        // the fast reader does not know yet.
        this.decodedGenerally = metrics.counter("keygate.analytics.records.decoded.generally");
        this.detector = config.alerts().enabled() ? new AnomalyDetector(rules(config.alerts())) : null;
    }

    static AlertRules rules(AnalyticsConfig.Alerts alerts) {
        return new AlertRules(
                alerts.spike().interval(),
                alerts.spike().alpha(),
                alerts.spike().warmUpIntervals(),
                alerts.spike().sigmas(),
                alerts.spike().criticalSigmas(),
                alerts.spike().minCalls(),
                alerts.burst().window(),
                alerts.burst().perIp(),
                alerts.burst().perKey(),
                alerts.newIp().learning(),
                alerts.newIp().maxAddresses(),
                alerts.maxTrackedSubjects());
    }

    @Incoming("calls")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> count(KafkaRecordBatch<String, ReadCall> batch) {
        String topic = null;
        Map<Integer, Long> nextOffsets = new HashMap<>();
        List<ConsumedCall> calls = new ArrayList<>(batch.getRecords().size());
        int untenanted = 0;
        int generally = 0;
        for (KafkaRecord<String, ReadCall> record : batch) {
            topic = record.getTopic();
            long offset = offsetOf(record);
            // Every record moves its partition's watermark, counted or not.
            nextOffsets.merge(record.getPartition(), offset + 1, Math::max);
            ReadCall read = record.getPayload();
            generally += read != null && read.readGenerally() ? 1 : 0;
            if (read == null || read.call() == null) {
                // The Kafka client hands a record without a value (a tombstone) over without deserializing it.
                skip(record, offset, read == null ? "no value (tombstone)" : read.unreadable());
            } else if (CallRollups.isRolledUp(read.call())) {
                calls.add(read.call().at(record.getPartition(), offset));
            } else {
                untenanted++;
            }
        }
        withoutTenant.increment(untenanted);
        decodedGenerally.increment(generally);
        // Detected once per batch as it arrives: a retried write stores the same alerts again, never feeding the
        // detector twice. Alerts go into the transaction that counts the calls raising them.
        List<AlertRaised> raised = detector == null ? List.of() : detector.observe(calls);
        return flusher.add(BatchAck.of(batch), topic, batch.getRecords().size(), calls, nextOffsets, raised);
    }

    private static long offsetOf(KafkaRecord<String, ReadCall> record) {
        if (record instanceof IncomingKafkaRecord<?, ?> incoming) {
            // Direct: looking the metadata up scans the record's metadata set, for every record.
            return incoming.getOffset();
        }
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElseThrow(() -> new IllegalStateException("A Kafka record without its offset"));
    }

    private void skip(KafkaRecord<String, ReadCall> record, long offset, String reason) {
        LOG.warnf(
                "Skipped unreadable record %s-%d offset %d: %s",
                record.getTopic(), record.getPartition(), offset, reason);
        metrics.counter("keygate.analytics.records.unreadable").increment();
    }
}
