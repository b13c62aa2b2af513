package io.keygate.analytics.live;

import io.keygate.analytics.config.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the one {@link LiveCounters} of the service, with its configured horizon. */
public class LiveCountersProducer {

    @Produces
    @ApplicationScoped
    LiveCounters liveCounters(AnalyticsConfig config) {
        return new LiveCounters(config.live().horizon());
    }
}
