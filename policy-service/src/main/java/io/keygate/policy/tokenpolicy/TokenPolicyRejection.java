package io.keygate.policy.tokenpolicy;

/** Why a token-policy request was refused; each maps to one HTTP status. */
public sealed interface TokenPolicyRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** The tenant has no token policy yet. */
    record NotFound(String tenantId) implements TokenPolicyRejection {
        @Override
        public String detail() {
            return "Tenant " + tenantId + " has no token policy";
        }
    }

    /** A field breaks a rule of {@link TokenPolicy}; {@code status} is 400 (malformed) or 422 (inconsistent). */
    record InvalidField(int status, String field, String message) implements TokenPolicyRejection {
        @Override
        public String detail() {
            return field + ": " + message;
        }
    }
}
