package io.keygate.events;

import io.keygate.events.alert.AlertRaised;
import io.keygate.events.application.ApplicationCreated;
import io.keygate.events.application.ApplicationDeleted;
import io.keygate.events.application.ApplicationUpdated;
import io.keygate.events.audit.AuditCheckpointSigned;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginSucceeded;
import io.keygate.events.identity.ServiceAccountCreated;
import io.keygate.events.identity.ServiceAccountRevoked;
import io.keygate.events.identity.SessionEnded;
import io.keygate.events.identity.SessionRefreshed;
import io.keygate.events.identity.SessionStarted;
import io.keygate.events.identity.TeamCreated;
import io.keygate.events.identity.TeamDeleted;
import io.keygate.events.identity.TeamUpdated;
import io.keygate.events.identity.TenantCreated;
import io.keygate.events.identity.UserActivated;
import io.keygate.events.identity.UserDeleted;
import io.keygate.events.identity.UserDisabled;
import io.keygate.events.identity.UserEnabled;
import io.keygate.events.identity.UserInvited;
import io.keygate.events.identity.UserMfaEnrolled;
import io.keygate.events.identity.UserPasskeyRegistered;
import io.keygate.events.identity.UserPasskeyRemoved;
import io.keygate.events.identity.UserPasswordChanged;
import io.keygate.events.identity.UserRecoveryCodeUsed;
import io.keygate.events.identity.UserRecoveryCodesRegenerated;
import io.keygate.events.identity.UserRolesChanged;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiOpenApiUploaded;
import io.keygate.events.policy.ApiRetired;
import io.keygate.events.policy.ApiUpdated;
import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleExpired;
import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanRetired;
import io.keygate.events.policy.PlanUpdated;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteDeleted;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.policy.SubscriptionCancelled;
import io.keygate.events.policy.SubscriptionRejected;
import io.keygate.events.policy.SubscriptionRequested;
import io.keygate.events.policy.SubscriptionResumed;
import io.keygate.events.policy.SubscriptionSuspended;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyRotationCompleted;
import io.keygate.events.token.ApiKeyRotationDue;
import io.keygate.events.token.ApiKeyUpdated;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of event types: CloudEvents {@code type} (which carries the schema version), the Java
 * record, the topic it is published to and its JSON Schema. Changing a record means changing its schema
 * additively or adding a new {@code vN}; the contract test keeps the two in step.
 */
public enum EventType {
    API_KEY_ISSUED("io.keygate.apikey.issued.v1", ApiKeyIssued.class, Topic.TOKENS),
    API_KEY_REVOKED("io.keygate.apikey.revoked.v1", ApiKeyRevoked.class, Topic.TOKENS),
    // OAuth2 clients and token-signing keys (issue 3, OAuth side)
    OAUTH_CLIENT_REGISTERED("io.keygate.oauth-client.registered.v1", OAuthClientRegistered.class, Topic.TOKENS),
    OAUTH_CLIENT_REVOKED("io.keygate.oauth-client.revoked.v1", OAuthClientRevoked.class, Topic.TOKENS),
    ACCESS_TOKEN_REVOKED("io.keygate.access-token.revoked.v1", AccessTokenRevoked.class, Topic.TOKENS),
    SIGNING_KEY_PUBLISHED("io.keygate.signing-key.published.v1", SigningKeyPublished.class, Topic.SIGNING_KEYS),
    SIGNING_KEY_RETIRED("io.keygate.signing-key.retired.v1", SigningKeyRetired.class, Topic.SIGNING_KEYS),
    API_KEY_UPDATED("io.keygate.apikey.updated.v1", ApiKeyUpdated.class, Topic.TOKENS),
    API_KEY_ROTATED("io.keygate.apikey.rotated.v1", ApiKeyRotated.class, Topic.TOKENS),
    API_KEY_ROTATION_COMPLETED("io.keygate.apikey.rotation-completed.v1", ApiKeyRotationCompleted.class, Topic.TOKENS),
    API_KEY_EXPIRED("io.keygate.apikey.expired.v1", ApiKeyExpired.class, Topic.TOKENS),
    // Applications: the owners of API keys and OAuth2 clients
    APPLICATION_CREATED("io.keygate.application.created.v1", ApplicationCreated.class, Topic.TOKENS),
    APPLICATION_UPDATED("io.keygate.application.updated.v1", ApplicationUpdated.class, Topic.TOKENS),
    APPLICATION_DELETED("io.keygate.application.deleted.v1", ApplicationDeleted.class, Topic.TOKENS),
    // APIs (developer-portal catalog entries) and their routes
    API_CREATED("io.keygate.api.created.v1", ApiCreated.class, Topic.POLICIES),
    API_UPDATED("io.keygate.api.updated.v1", ApiUpdated.class, Topic.POLICIES),
    API_RETIRED("io.keygate.api.retired.v1", ApiRetired.class, Topic.POLICIES),
    API_OPENAPI_UPLOADED("io.keygate.api.openapi-uploaded.v1", ApiOpenApiUploaded.class, Topic.POLICIES),
    ROUTE_DEFINED("io.keygate.route.defined.v2", RouteDefined.class, Topic.POLICIES),
    ROUTE_DELETED("io.keygate.route.deleted.v1", RouteDeleted.class, Topic.POLICIES),
    // Plans of APIs and subscriptions to them
    PLAN_CREATED("io.keygate.plan.created.v1", PlanCreated.class, Topic.POLICIES),
    PLAN_UPDATED("io.keygate.plan.updated.v1", PlanUpdated.class, Topic.POLICIES),
    PLAN_RETIRED("io.keygate.plan.retired.v1", PlanRetired.class, Topic.POLICIES),
    SUBSCRIPTION_REQUESTED("io.keygate.subscription.requested.v1", SubscriptionRequested.class, Topic.POLICIES),
    SUBSCRIPTION_APPROVED("io.keygate.subscription.approved.v1", SubscriptionApproved.class, Topic.POLICIES),
    SUBSCRIPTION_REJECTED("io.keygate.subscription.rejected.v1", SubscriptionRejected.class, Topic.POLICIES),
    SUBSCRIPTION_SUSPENDED("io.keygate.subscription.suspended.v1", SubscriptionSuspended.class, Topic.POLICIES),
    SUBSCRIPTION_RESUMED("io.keygate.subscription.resumed.v1", SubscriptionResumed.class, Topic.POLICIES),
    SUBSCRIPTION_CANCELLED("io.keygate.subscription.cancelled.v1", SubscriptionCancelled.class, Topic.POLICIES),
    // IP rules and tenant token policies (issue 5)
    IP_RULE_CREATED("io.keygate.ip-rule.created.v1", IpRuleCreated.class, Topic.POLICIES),
    IP_RULE_DELETED("io.keygate.ip-rule.deleted.v1", IpRuleDeleted.class, Topic.POLICIES),
    IP_RULE_EXPIRED("io.keygate.ip-rule.expired.v1", IpRuleExpired.class, Topic.POLICIES),
    TOKEN_POLICY_SET("io.keygate.token-policy.set.v1", TokenPolicySet.class, Topic.POLICIES),
    ALERT_POLICY_SET("io.keygate.alert-policy.set.v1", AlertPolicySet.class, Topic.POLICIES),
    API_KEY_ROTATION_DUE("io.keygate.apikey.rotation-due.v1", ApiKeyRotationDue.class, Topic.TOKENS),
    CALL_RECORDED("io.keygate.call.recorded.v1", CallRecorded.class, Topic.CALLS),
    // Gateway revocation watermarks (issue 6)
    GATEWAY_WATERMARK_PUBLISHED(
            "io.keygate.gateway.watermark-published.v1", GatewayWatermarkPublished.class, Topic.GATEWAY_WATERMARKS),
    // Signed checkpoints of the audit trail (issue 7)
    AUDIT_CHECKPOINT_SIGNED(
            "io.keygate.audit.checkpoint-signed.v1", AuditCheckpointSigned.class, Topic.AUDIT_CHECKPOINTS),
    // Anomaly alerts (issue 8)
    ALERT_RAISED("io.keygate.alert.raised.v1", AlertRaised.class, Topic.ALERTS),
    // Identities: tenants, dashboard users, their sessions and login attempts (issue 4)
    TENANT_CREATED("io.keygate.identity.tenant-created.v1", TenantCreated.class, Topic.IDENTITIES),
    USER_INVITED("io.keygate.identity.user-invited.v1", UserInvited.class, Topic.IDENTITIES),
    USER_ACTIVATED("io.keygate.identity.user-activated.v1", UserActivated.class, Topic.IDENTITIES),
    USER_ROLES_CHANGED("io.keygate.identity.user-roles-changed.v1", UserRolesChanged.class, Topic.IDENTITIES),
    USER_DISABLED("io.keygate.identity.user-disabled.v1", UserDisabled.class, Topic.IDENTITIES),
    USER_ENABLED("io.keygate.identity.user-enabled.v1", UserEnabled.class, Topic.IDENTITIES),
    USER_DELETED("io.keygate.identity.user-deleted.v1", UserDeleted.class, Topic.IDENTITIES),
    USER_PASSWORD_CHANGED("io.keygate.identity.user-password-changed.v1", UserPasswordChanged.class, Topic.IDENTITIES),
    USER_MFA_ENROLLED("io.keygate.identity.user-mfa-enrolled.v1", UserMfaEnrolled.class, Topic.IDENTITIES),
    USER_RECOVERY_CODES_REGENERATED(
            "io.keygate.identity.user-recovery-codes-regenerated.v1",
            UserRecoveryCodesRegenerated.class,
            Topic.IDENTITIES),
    USER_RECOVERY_CODE_USED(
            "io.keygate.identity.user-recovery-code-used.v1", UserRecoveryCodeUsed.class, Topic.IDENTITIES),
    USER_PASSKEY_REGISTERED(
            "io.keygate.identity.user-passkey-registered.v1", UserPasskeyRegistered.class, Topic.IDENTITIES),
    USER_PASSKEY_REMOVED("io.keygate.identity.user-passkey-removed.v1", UserPasskeyRemoved.class, Topic.IDENTITIES),
    SESSION_STARTED("io.keygate.identity.session-started.v1", SessionStarted.class, Topic.IDENTITIES),
    SESSION_REFRESHED("io.keygate.identity.session-refreshed.v1", SessionRefreshed.class, Topic.IDENTITIES),
    SESSION_ENDED("io.keygate.identity.session-ended.v1", SessionEnded.class, Topic.IDENTITIES),
    LOGIN_SUCCEEDED("io.keygate.identity.login-succeeded.v1", LoginSucceeded.class, Topic.IDENTITIES),
    LOGIN_FAILED("io.keygate.identity.login-failed.v1", LoginFailed.class, Topic.IDENTITIES),
    // Service accounts: automation's identities, calling with service tokens (issue 4)
    SERVICE_ACCOUNT_CREATED(
            "io.keygate.identity.service-account-created.v1", ServiceAccountCreated.class, Topic.IDENTITIES),
    SERVICE_ACCOUNT_REVOKED(
            "io.keygate.identity.service-account-revoked.v1", ServiceAccountRevoked.class, Topic.IDENTITIES),
    // Teams: users who manage applications together (issue 4)
    TEAM_CREATED("io.keygate.identity.team-created.v1", TeamCreated.class, Topic.IDENTITIES),
    TEAM_UPDATED("io.keygate.identity.team-updated.v1", TeamUpdated.class, Topic.IDENTITIES),
    TEAM_DELETED("io.keygate.identity.team-deleted.v1", TeamDeleted.class, Topic.IDENTITIES);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String type;
    private final Class<? extends KeygateEvent> recordClass;
    private final Topic topic;

    EventType(String type, Class<? extends KeygateEvent> recordClass, Topic topic) {
        this.type = type;
        this.recordClass = recordClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.keygate.apikey.issued.v1}. */
    public String type() {
        return type;
    }

    /** The record that carries this type's data. */
    public Class<? extends KeygateEvent> recordClass() {
        return recordClass;
    }

    /** The topic events of this type are published to. */
    public Topic topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of the event data. */
    public String schemaResource() {
        return "/io/keygate/events/schemas/" + type.substring("io.keygate.".length()) + ".json";
    }

    /** The type registered for a CloudEvents {@code type}, if any. */
    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The type of an event record. */
    public static EventType of(KeygateEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "Unregistered event record " + event.getClass().getName());
        }
        return type;
    }
}
