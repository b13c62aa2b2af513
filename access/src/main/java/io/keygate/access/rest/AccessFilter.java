package io.keygate.access.rest;

import io.keygate.access.Caller;
import io.keygate.access.permission.AccessPolicy;
import io.keygate.access.permission.Permission;
import io.keygate.access.permission.PermissionTable;
import io.keygate.access.permission.TenantScope;
import io.keygate.access.permission.Verdict;
import io.keygate.access.session.AccessState;
import io.keygate.problem.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks every REST call against the permission table before it reaches its resource: deny by default (an endpoint
 * the table does not list is refused with 403), 401 without a valid session, 403 for another tenant or a role the
 * table does not allow. The decision is left in {@link CurrentAccess} for the service code.
 */
@Singleton
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    private final PermissionTable table = PermissionTable.bundled();
    private final ResourceEndpoints endpoints = new ResourceEndpoints();
    private final Set<String> reportedUnlisted = ConcurrentHashMap.newKeySet();
    private final AccessState state;
    private final CurrentIdentityAssociation identities;
    private final CurrentAccess currentAccess;

    AccessFilter(AccessState state, CurrentIdentityAssociation identities, CurrentAccess currentAccess) {
        // Created at static init, before runtime configuration: the service's name is read on the first call.
        this.state = state;
        this.identities = identities;
        this.currentAccess = currentAccess;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> authorize(ContainerRequestContext request, SimpleResourceInfo resource, UriInfo uri) {
        String method = request.getMethod();
        String path = endpoints.template(resource);
        Permission permission = table.find(state.service(), method, path).orElse(null);
        if (permission == null) {
            if (reportedUnlisted.add(method + " " + path)) {
                LOG.errorf("%s %s has no row in docs/permissions.md: every call to it is refused", method, path);
            }
            return Uni.createFrom().item(forbidden("This endpoint is not in the permission table.", uri));
        }
        if (permission.tenant() instanceof TenantScope.Public) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> decide(permission, caller(identity), uri))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> unauthenticated("The session token is invalid, expired or ended.", uri));
    }

    private Response decide(Permission permission, Caller caller, UriInfo uri) {
        Verdict verdict = AccessPolicy.decide(permission, caller, requestTenant(permission.tenant(), uri));
        if (verdict instanceof Verdict.Allowed allowed) {
            currentAccess.decided(caller, allowed.ownershipRequired());
            return null;
        }
        if (verdict instanceof Verdict.Forbidden forbidden) {
            return forbidden(forbidden.reason(), uri);
        }
        return unauthenticated("Sign in: this endpoint needs a session token (Authorization: Bearer).", uri);
    }

    private static Caller caller(SecurityIdentity identity) {
        return identity.isAnonymous() ? null : identity.getAttribute(Caller.class.getName());
    }

    private static String requestTenant(TenantScope scope, UriInfo uri) {
        if (scope instanceof TenantScope.PathParameter path) {
            return uri.getPathParameters().getFirst(path.name());
        }
        if (scope instanceof TenantScope.QueryParameter query) {
            return uri.getQueryParameters().getFirst(query.name());
        }
        return null;
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        Response problem = Problems.of(401, "unauthenticated", "Unauthenticated", detail, uri);
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response forbidden(String detail, UriInfo uri) {
        return Problems.of(403, "forbidden", "Forbidden", detail, uri);
    }
}
