package io.keygate.token.application.service;

import io.keygate.access.Caller;
import io.keygate.access.OwnerScope;
import io.keygate.access.rest.CurrentAccess;
import io.keygate.events.application.ApplicationState;
import io.keygate.events.identity.TeamStatus;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.token.ApiKeyState;
import io.keygate.token.apikey.ApiKeyRejectedException;
import io.keygate.token.apikey.ApiKeyRejection;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.application.ApplicationAttributes;
import io.keygate.token.application.ApplicationField;
import io.keygate.token.application.ApplicationPatch;
import io.keygate.token.application.ApplicationRejectedException;
import io.keygate.token.application.ApplicationRejection;
import io.keygate.token.application.store.ApplicationProjection;
import io.keygate.token.identity.store.UserProjection;
import io.keygate.token.identity.team.TeamProjection;
import io.keygate.token.oauth.OAuthClientRejectedException;
import io.keygate.token.oauth.OAuthClientRejection;
import io.keygate.token.oauth.store.OAuthClientProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finishes the permission table's {@code own} grant: a caller limited to the applications they own sees and changes
 * only those and their credentials. Anything else answers exactly as if it did not exist (404), so a developer learns
 * nothing about another's applications. Who owns what is the application's {@code ownerId}.
 *
 * <p>{@link #scope()} reads the request's access decision and must be called on the request's thread, before the
 * first asynchronous step; everything else takes the scope it returned.
 */
@ApplicationScoped
public class ApplicationOwnership {

    private final CurrentAccess access;
    private final ApplicationProjection applications;
    private final ApiKeyProjection keys;
    private final OAuthClientProjection clients;
    private final UserProjection users;
    private final TeamProjection teams;

    ApplicationOwnership(
            CurrentAccess access,
            ApplicationProjection applications,
            ApiKeyProjection keys,
            OAuthClientProjection clients,
            UserProjection users,
            TeamProjection teams) {
        this.access = access;
        this.applications = applications;
        this.keys = keys;
        this.clients = clients;
        this.users = users;
        this.teams = teams;
    }

    /** The current caller's scope. */
    public OwnerScope scope() {
        return access.ownerScope();
    }

    /**
     * The attributes of an application the caller creates, with its owner settled: a restricted caller owns what they
     * create (and may not name anybody else, nor a team they are not in); otherwise the owner named, or by default the
     * caller if they belong to the tenant (a platform admin's application has no owner unless one is named). A named
     * owner must be an active or invited user of the tenant, a named team a live team of the tenant.
     */
    public Uni<ApplicationAttributes> forCreation(OwnerScope scope, String tenantId, ApplicationAttributes attributes) {
        if (scope.isRestricted()) {
            if ((attributes.ownerId() != null && !attributes.ownerId().equals(scope.ownerId()))
                    || (attributes.teamId() != null && !scope.includesTeam(attributes.teamId()))) {
                throw new ApplicationRejectedException(new ApplicationRejection.OwnerChangeForbidden(null));
            }
            return requireTeam(tenantId, attributes.teamId()).replaceWith(attributes.ownedBy(scope.ownerId()));
        }
        String member = access.caller()
                .filter(caller -> caller.isMemberOf(tenantId))
                .map(Caller::userId)
                .orElse(null);
        ApplicationAttributes owned = attributes.ownerId() != null ? attributes : attributes.ownedBy(member);
        Uni<Void> ownerCheck = attributes.ownerId() != null
                ? requireTenantUser(tenantId, attributes.ownerId())
                : Uni.createFrom().voidItem();
        return ownerCheck
                .chain(() -> requireTeam(tenantId, attributes.teamId()))
                .replaceWith(owned);
    }

    /**
     * Checks a change of owning user or team: only an unrestricted caller may make one, and only to an active or
     * invited user of the tenant and a live team of the tenant (or to nobody, null).
     */
    public Uni<Void> checkOwnerChange(OwnerScope scope, String tenantId, String applicationId, ApplicationPatch patch) {
        if (scope.isRestricted()) {
            throw new ApplicationRejectedException(new ApplicationRejection.OwnerChangeForbidden(applicationId));
        }
        String owner = patch.present().contains(ApplicationField.OWNER_ID)
                ? patch.values().ownerId()
                : null;
        String team = patch.present().contains(ApplicationField.TEAM_ID)
                ? patch.values().teamId()
                : null;
        Uni<Void> ownerCheck = owner == null ? Uni.createFrom().voidItem() : requireTenantUser(tenantId, owner);
        return ownerCheck.chain(() -> requireTeam(tenantId, team));
    }

    /** Completes if the application is in scope; fails with the application's 404 otherwise. */
    public Uni<Void> requireApplication(OwnerScope scope, String tenantId, String applicationId) {
        if (!scope.isRestricted()) {
            return Uni.createFrom().voidItem();
        }
        return applications
                .find(tenantId, applicationId)
                .invoke(application -> {
                    if (!admits(scope, application)) {
                        throw new ApplicationRejectedException(new ApplicationRejection.NotFound(applicationId));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Completes if a credential may name this application: for a restricted caller, one they own (a key without an
     * application would be nobody's). Fails with the reference's 422 otherwise, as for an application that does not
     * exist.
     */
    public Uni<Void> requireCredentialOwner(OwnerScope scope, String tenantId, String applicationId) {
        if (!scope.isRestricted()) {
            return Uni.createFrom().voidItem();
        }
        if (applicationId == null) {
            return Uni.createFrom()
                    .failure(new ApiKeyRejectedException(new ApiKeyRejection.InvalidAttribute(
                            "applicationId",
                            "must name an application you own: a developer's credentials belong to one")));
        }
        return applications
                .find(tenantId, applicationId)
                .invoke(application -> {
                    if (!admits(scope, application)) {
                        throw new ApplicationRejectedException(
                                new ApplicationRejection.CannotOwnCredentials(applicationId, false));
                    }
                })
                .replaceWithVoid();
    }

    /** Completes if the API key belongs to an application in scope; fails with the key's 404 otherwise. */
    public Uni<Void> requireKey(OwnerScope scope, String tenantId, String keyId) {
        return scope.isRestricted()
                ? findKey(scope, tenantId, keyId).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /**
     * The API key, if it exists and belongs to an application in scope; fails with the key's 404 otherwise. The key is
     * read once, whoever asks.
     */
    public Uni<ApiKeyState> findKey(OwnerScope scope, String tenantId, String keyId) {
        return keys.find(tenantId, keyId)
                .chain(key -> inScope(
                        scope,
                        tenantId,
                        key,
                        ApiKeyState::applicationId,
                        () -> new ApiKeyRejectedException(new ApiKeyRejection.NotFound(keyId))));
    }

    /** Completes if the OAuth2 client belongs to an application in scope; fails with the client's 404 otherwise. */
    public Uni<Void> requireClient(OwnerScope scope, String tenantId, String clientId) {
        return scope.isRestricted()
                ? findClient(scope, tenantId, clientId).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /**
     * The OAuth2 client, if it exists and belongs to an application in scope; fails with the client's 404 otherwise.
     * The client is read once, whoever asks.
     */
    public Uni<OAuthClientState> findClient(OwnerScope scope, String tenantId, String clientId) {
        return clients.find(tenantId, clientId)
                .chain(client -> inScope(
                        scope,
                        tenantId,
                        client,
                        OAuthClientState::applicationId,
                        () -> new OAuthClientRejectedException(new OAuthClientRejection.NotFound(clientId))));
    }

    /**
     * {@code found} if it exists and its application is in scope; otherwise fails with {@code notFound}, the same
     * answer whether it does not exist or is out of scope.
     */
    private <T> Uni<T> inScope(
            OwnerScope scope,
            String tenantId,
            T found,
            Function<T, String> applicationId,
            Supplier<RuntimeException> notFound) {
        if (found == null) {
            throw notFound.get();
        }
        if (!scope.isRestricted()) {
            return Uni.createFrom().item(found);
        }
        return applicationOf(tenantId, applicationId.apply(found)).map(application -> {
            if (!admits(scope, application)) {
                throw notFound.get();
            }
            return found;
        });
    }

    private Uni<ApplicationState> applicationOf(String tenantId, String applicationId) {
        return applicationId == null ? Uni.createFrom().nullItem() : applications.find(tenantId, applicationId);
    }

    /** Whether the application (null: none) is in scope: its owner's or one of the caller's teams'. */
    public static boolean admits(OwnerScope scope, ApplicationState application) {
        return application == null ? scope.admits(null) : scope.admits(application.ownerId(), application.teamId());
    }

    private Uni<Void> requireTeam(String tenantId, String teamId) {
        if (teamId == null) {
            return Uni.createFrom().voidItem();
        }
        return teams.find(tenantId, teamId)
                .invoke(team -> {
                    if (team == null || team.status() != TeamStatus.ACTIVE) {
                        throw new ApplicationRejectedException(new ApplicationRejection.InvalidAttribute(
                                "teamId", "must be a live team of tenant " + tenantId));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireTenantUser(String tenantId, String userId) {
        return users.find(userId)
                .invoke(user -> {
                    if (!isActiveMember(user, tenantId)) {
                        throw new ApplicationRejectedException(new ApplicationRejection.InvalidAttribute(
                                "ownerId", "must be an active or invited user of tenant " + tenantId));
                    }
                })
                .replaceWithVoid();
    }

    private static boolean isActiveMember(UserState user, String tenantId) {
        return user != null
                && tenantId.equals(user.tenantId())
                && (user.status() == UserStatus.ACTIVE || user.status() == UserStatus.INVITED);
    }
}
