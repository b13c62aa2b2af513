package io.keygate.events.alert;

/** What would stop the abuse an alert describes; the owning service carries it out if the tenant allows it. */
public enum AlertAction {
    /** Nothing automatic: a person decides. */
    NONE,
    /** Revoke the alert's key (token-service), with the alert's event id as the revocation's cause. */
    REVOKE_KEY,
    /** Deny the alert's client address (policy-service IP rule), with the alert's event id as the rule's cause. */
    BLOCK_IP
}
