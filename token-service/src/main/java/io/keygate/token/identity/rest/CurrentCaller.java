package io.keygate.token.identity.rest;

import io.keygate.access.Caller;
import io.keygate.access.rest.CurrentAccess;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;

/**
 * The authenticated caller of a self-service endpoint, as the access module leaves it in {@link CurrentAccess}: the
 * session token's user and session. Who may call what is the access module's filter,
 * not checked here.
 *
 * @param userId    the user
 * @param sessionId the session the request's token belongs to (may be null)
 */
public record CurrentCaller(String userId, String sessionId) {

    /** The caller of the request; 401 if there is none. */
    public static CurrentCaller of(CurrentAccess access) {
        Caller caller = access.caller()
                .orElseThrow(() -> new IdentityRejectedException(new IdentityRejection.NotAuthenticated()));
        return new CurrentCaller(caller.userId(), caller.sessionId());
    }

    /** The caller's user id, or null for an anonymous request (for the actor of admin events). */
    public static String userIdOrNull(CurrentAccess access) {
        return access.actor();
    }
}
