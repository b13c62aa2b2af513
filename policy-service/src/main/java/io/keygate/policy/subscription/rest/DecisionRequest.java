package io.keygate.policy.subscription.rest;

import jakarta.validation.constraints.Size;

/**
 * Body of the API owner's decisions on a subscription ({@code approve}, {@code reject}, {@code suspend},
 * {@code resume}); optional for approve and resume.
 *
 * @param note why: required to reject or suspend, shown to the subscriber
 */
public record DecisionRequest(@Size(max = 500) String note) {}
