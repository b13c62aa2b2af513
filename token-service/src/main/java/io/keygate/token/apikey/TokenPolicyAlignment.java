package io.keygate.token.apikey;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotationDue;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.TokenEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an existing key is brought into line with its tenant's token policy: always by events, and never by an
 * event for a key that already complies (so it is safe to run again and again).
 *
 * <ul>
 * <li><b>Expiry required</b>, key without one: it gets {@code at + maxKeyLifetime}, or {@code at +}
 *     {@link #DEFAULT_IMPOSED_LIFETIME} when the policy sets no maximum.</li>
 * <li><b>Expiry beyond {@code at + maxKeyLifetime}</b>: shortened to that. Counted from the alignment, not from
 *     the key's creation, so tightening a policy never ends a key on the spot; old secrets are the job of
 *     {@code maxKeyAge}.</li>
 * <li><b>IP allow-list outside {@code allowedCidrs}</b>: narrowed. An entry within an allowed network stays; an
 *     entry containing allowed networks is replaced by them (the intersection); an empty list (any address)
 *     becomes the allowed networks. If nothing is left, the key could only be used where the policy forbids it:
 *     it is <b>revoked</b> with a reason naming the rule.</li>
 * <li><b>Secret older than {@code maxKeyAge} minus {@code rotationWarningDays}</b>: one
 *     {@code apikey.rotation-due} per secret; a rotation starts the count again.</li>
 * <li><b>Secret older than {@code maxKeyAge}</b> with {@code forceExpiryWhenTooOld}: {@code apikey.expired},
 *     as if its expiry had been the age limit.</li>
 * </ul>
 * Those changes are one {@code apikey.updated} (changed fields named), then the warning, then the expiry.
 */
public final class TokenPolicyAlignment {

    /** The expiry given to a key without one when the policy requires expiry but sets no maximum lifetime. */
    public static final Duration DEFAULT_IMPOSED_LIFETIME = Duration.ofDays(90);

    private TokenPolicyAlignment() {}

    /** The events that bring {@code key} into line with {@code policy} at {@code at}; none if it complies. */
    public static List<TokenEvent> decide(TokenPolicyState policy, ApiKeyState key, Instant at) {
        if (key.status() != ApiKeyStatus.ACTIVE) {
            return List.of();
        }
        List<TokenEvent> events = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        ApiKeyState next = key;
        Instant expiry = alignedExpiry(policy, key.expiresAt(), at);
        if (!expiry.equals(key.expiresAt()) && expiry != NO_EXPIRY) {
            next = next.withExpiresAt(expiry);
            changed.add(ApiKeyField.EXPIRES_AT.jsonName());
        }
        if (!policy.allowedCidrs().isEmpty()) {
            List<String> narrowed = narrowed(key.ipAllowList(), policy.allowedCidrs());
            if (narrowed.isEmpty()) {
                String reason = "token policy: no IP allow-list entry lies within allowedCidrs";
                return List.of(new ApiKeyRevoked(next.withStatus(ApiKeyStatus.REVOKED, at, reason), reason));
            }
            if (!narrowed.equals(key.ipAllowList())) {
                ApiKeyAttributes attributes = ApiKeyAttributes.of(next);
                next = new ApiKeyAttributes(
                                attributes.name(),
                                attributes.description(),
                                attributes.applicationId(),
                                attributes.scopes(),
                                attributes.expiresAt(),
                                narrowed,
                                attributes.rateLimit(),
                                attributes.quota(),
                                attributes.metadata())
                        .applyTo(next);
                changed.add(ApiKeyField.IP_ALLOW_LIST.jsonName());
            }
        }
        if (!changed.isEmpty()) {
            events.add(new ApiKeyUpdated(next, changed));
        }
        if (policy.maxKeyAge() != null) {
            Instant ageLimit = next.secretIssuedAtOrCreatedAt().plus(policy.maxKeyAge());
            Instant warnFrom = ageLimit.minus(Duration.ofDays(policy.rotationWarningDays()));
            if (next.rotationDueNotifiedAt() == null && !at.isBefore(warnFrom)) {
                next = next.withRotationDueNotifiedAt(at);
                events.add(new ApiKeyRotationDue(next, ageLimit));
            }
            if (policy.forceExpiryWhenTooOld() && !at.isBefore(ageLimit)) {
                Instant expiresAt =
                        next.expiresAt() == null || next.expiresAt().isAfter(ageLimit) ? ageLimit : next.expiresAt();
                events.add(
                        new ApiKeyExpired(next.withExpiresAt(expiresAt).withStatus(ApiKeyStatus.EXPIRED, null, null)));
            }
        }
        return events;
    }

    private static final Instant NO_EXPIRY = Instant.MIN;

    private static Instant alignedExpiry(TokenPolicyState policy, Instant expiresAt, Instant at) {
        if (expiresAt == null) {
            if (!policy.expiryRequired()) {
                return NO_EXPIRY;
            }
            return at.plus(policy.maxKeyLifetime() != null ? policy.maxKeyLifetime() : DEFAULT_IMPOSED_LIFETIME);
        }
        if (policy.maxKeyLifetime() != null && expiresAt.isAfter(at.plus(policy.maxKeyLifetime()))) {
            return at.plus(policy.maxKeyLifetime());
        }
        return expiresAt;
    }

    /** The allow-list cut down to the allowed networks, order kept (see the class comment). */
    static List<String> narrowed(List<String> allowList, List<String> allowedCidrs) {
        List<Cidr> allowed = allowedCidrs.stream().map(Cidr::parse).toList();
        if (allowList.isEmpty()) {
            return allowedCidrs;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String text : allowList) {
            Cidr entry = Cidr.parse(text);
            if (allowed.stream().anyMatch(network -> network.contains(entry))) {
                result.add(entry.toString());
            } else {
                allowed.stream().filter(entry::contains).forEach(network -> result.add(network.toString()));
            }
        }
        return new ArrayList<>(result);
    }
}
