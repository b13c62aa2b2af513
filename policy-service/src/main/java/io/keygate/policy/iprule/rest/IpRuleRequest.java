package io.keygate.policy.iprule.rest;

import io.keygate.events.policy.IpRuleAction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Body of an IP-rule creation.
 *
 * @param action    {@code ALLOW} or {@code DENY}
 * @param cidr      IPv4 or IPv6 network ({@code 203.0.113.0/24}); a bare address is one host; host bits set are refused
 * @param reason    why (1..500 characters)
 * @param expiresAt when the rule stops applying (future), or absent for never
 */
public record IpRuleRequest(
        @NotNull IpRuleAction action,
        @NotBlank @Size(max = 64) String cidr,
        @NotBlank @Size(max = 500) String reason,
        Instant expiresAt) {}
