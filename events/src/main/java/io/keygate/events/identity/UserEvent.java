package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/**
 * Events of the user aggregate, published to {@code keygate.identities} keyed by user id; each carries the user's
 * full state after it, so the last record per user of the compacted topic is a complete snapshot.
 */
public sealed interface UserEvent extends KeygateEvent
        permits UserInvited,
                UserActivated,
                UserRolesChanged,
                UserDisabled,
                UserEnabled,
                UserDeleted,
                UserPasswordChanged,
                UserMfaEnrolled,
                UserRecoveryCodesRegenerated,
                UserRecoveryCodeUsed,
                UserPasskeyRegistered,
                UserPasskeyRemoved {

    /** The user's full state after the event. */
    UserState user();

    @Override
    default String aggregateId() {
        return user().userId();
    }

    @Override
    default String tenantId() {
        return user().tenantId();
    }
}
