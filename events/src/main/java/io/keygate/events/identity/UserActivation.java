package io.keygate.events.identity;

/** How a user became active. */
public enum UserActivation {
    /** Accepted an invitation and chose a password. */
    INVITATION,
    /** Created at the platform's first start with a one-time password. */
    BOOTSTRAP
}
