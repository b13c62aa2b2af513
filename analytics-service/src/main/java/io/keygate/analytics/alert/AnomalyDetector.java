package io.keygate.analytics.alert;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertRaised;
import java.util.ArrayList;
import java.util.List;

/** Every detector over a batch of calls, in order. Not thread-safe: one consumer thread feeds it. */
public final class AnomalyDetector {

    private final RateSpikeDetector spikes;
    private final AuthFailureBurstDetector bursts;
    private final NewClientIpDetector newAddresses;

    public AnomalyDetector(AlertRules rules) {
        this.spikes = new RateSpikeDetector(rules);
        this.bursts = new AuthFailureBurstDetector(rules);
        this.newAddresses =
                new NewClientIpDetector(rules.newIpLearning(), rules.newIpMaxAddresses(), rules.maxTrackedSubjects());
    }

    /** The alerts the calls raise, in the order they were raised. */
    public List<AlertRaised> observe(List<ConsumedCall> calls) {
        List<AlertRaised> alerts = new ArrayList<>(0);
        for (ConsumedCall call : calls) {
            alerts.addAll(spikes.observe(call));
            alerts.addAll(bursts.observe(call));
            alerts.addAll(newAddresses.observe(call));
        }
        return alerts;
    }
}
