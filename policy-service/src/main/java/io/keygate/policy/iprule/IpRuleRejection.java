package io.keygate.policy.iprule;

/** Why an IP-rule command was refused; each maps to one HTTP status. */
public sealed interface IpRuleRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such rule in the caller's scope (another tenant's rule, or a global one seen from a tenant). */
    record NotFound(String ruleId) implements IpRuleRejection {
        @Override
        public String detail() {
            return "IP rule " + ruleId + " does not exist";
        }
    }

    /** An active rule with the same scope, tenant, action and network exists. */
    record Duplicate(String action, String cidr) implements IpRuleRejection {
        @Override
        public String detail() {
            return "An active " + action + " rule for " + cidr + " already exists in this scope";
        }
    }

    /** A field breaks a rule of {@link IpRuleRules}; {@code status} is 400 (malformed) or 422 (e.g. past). */
    record InvalidField(int status, String field, String message) implements IpRuleRejection {
        @Override
        public String detail() {
            return field + ": " + message;
        }
    }
}
