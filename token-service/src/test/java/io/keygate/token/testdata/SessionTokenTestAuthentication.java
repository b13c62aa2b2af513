package io.keygate.token.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.token.identity.session.SessionClaims;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Set;

/**
 * Test-only stand-in for the access module: turns {@code Authorization: Bearer <session token>} into the
 * {@link SecurityIdentity} the self-service endpoints expect (principal = {@code sub}, attribute {@code sid}, roles =
 * {@code roles} + {@code platform-admin}). It reads the claims without checking the signature (the tests check
 * signatures against the JWKS themselves); the access module verifies. Delete it when the access module is merged.
 */
@ApplicationScoped
public class SessionTokenTestAuthentication implements HttpAuthenticationMechanism {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Uni.createFrom().nullItem();
        }
        JsonNode claims = claims(header.substring("Bearer ".length()).trim());
        if (claims == null
                || !SessionClaims.SESSION_TOKEN_USE.equals(
                        claims.path(SessionClaims.TOKEN_USE).asText())) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(
                        new QuarkusPrincipal(claims.path(SessionClaims.SUBJECT).asText()))
                .addAttribute(
                        SessionClaims.SESSION_ID,
                        claims.path(SessionClaims.SESSION_ID).asText());
        if (claims.hasNonNull(SessionClaims.TENANT)) {
            identity.addAttribute(
                    SessionClaims.TENANT, claims.path(SessionClaims.TENANT).asText());
        }
        claims.path(SessionClaims.ROLES).forEach(role -> identity.addRole(role.asText()));
        if (claims.path(SessionClaims.PLATFORM_ADMIN).asBoolean(false)) {
            identity.addRole("platform-admin");
        }
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            return null;
        }
    }
}
