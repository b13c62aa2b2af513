package io.keygate.token.identity.rest;

import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller of a self-service endpoint, as the access module puts it in the {@link SecurityIdentity}:
 * principal name = user id, attribute {@code sid} = session id. Who may call what is the access module's filter,
 * not checked here.
 *
 * @param userId    the user
 * @param sessionId the session the request's token belongs to (may be null)
 */
public record CurrentCaller(String userId, String sessionId) {

    /** The identity's attribute holding the session id. */
    public static final String SESSION_ATTRIBUTE = "sid";

    /** The caller of the request; 401 if there is none. */
    public static CurrentCaller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            throw new IdentityRejectedException(new IdentityRejection.NotAuthenticated());
        }
        Object sid = identity.getAttribute(SESSION_ATTRIBUTE);
        return new CurrentCaller(identity.getPrincipal().getName(), sid == null ? null : sid.toString());
    }

    /** The caller's user id, or null for an anonymous request (for the actor of admin events). */
    public static String userIdOrNull(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() || identity.getPrincipal() == null
                ? null
                : identity.getPrincipal().getName();
    }
}
