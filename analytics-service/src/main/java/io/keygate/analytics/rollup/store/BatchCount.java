package io.keygate.analytics.rollup.store;

import io.keygate.events.alert.AlertRaised;
import io.keygate.events.call.CallRecorded;
import java.util.List;

/**
 * What one batch's transaction changed.
 *
 * @param freshCalls calls counted for the first time
 * @param newAlerts  alerts stored for the first time (queued for publication)
 * @param minuteRows pending minute rows appended
 */
public record BatchCount(List<CallRecorded> freshCalls, List<AlertRaised> newAlerts, int minuteRows) {}
