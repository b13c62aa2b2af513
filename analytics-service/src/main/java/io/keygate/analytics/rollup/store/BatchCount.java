package io.keygate.analytics.rollup.store;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertRaised;
import java.util.List;

/**
 * What one batch's transaction changed.
 *
 * @param freshCalls calls counted for the first time
 * @param newAlerts  alerts stored for the first time (queued for publication)
 * @param minuteRows pending minute rows appended
 */
public record BatchCount(List<ConsumedCall> freshCalls, List<AlertRaised> newAlerts, int minuteRows) {}
