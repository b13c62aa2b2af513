package io.keygate.access.rest;

import io.keygate.access.Caller;
import io.keygate.access.session.AccessState;
import io.keygate.access.session.InvalidSessionException;
import io.keygate.events.identity.TenantRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Turns a verified session token into the request's identity: principal = user id, roles = the tenant roles (plus
 * {@value #PLATFORM_ADMIN_ROLE}), attributes {@value #TENANT}, {@value #SESSION_ID} and the whole {@link Caller}.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** TenantRole of a platform administrator in the identity. */
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";
    /** Identity attribute: the caller's tenant id (absent when none). */
    public static final String TENANT = "tenant";
    /** Identity attribute: the session id. */
    public static final String SESSION_ID = "sid";

    private static final Logger LOG = Logger.getLogger(SessionIdentityProvider.class);

    private final AccessState state;

    SessionIdentityProvider(AccessState state) {
        this.state = state;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        try {
            return Uni.createFrom()
                    .item(identity(state.verifier().verify(request.getToken().getToken())));
        } catch (InvalidSessionException e) {
            LOG.debugf("Refused a bearer token: %s", e.getMessage());
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.userId()))
                .addAttribute(SESSION_ID, caller.sessionId())
                .addAttribute(Caller.class.getName(), caller);
        caller.tenant().ifPresent(tenant -> builder.addAttribute(TENANT, tenant));
        for (TenantRole role : caller.roles()) {
            builder.addRole(role.wireName());
        }
        if (caller.platformAdmin()) {
            builder.addRole(PLATFORM_ADMIN_ROLE);
        }
        return builder.build();
    }
}
