package io.keygate.token.apikey;

/** Why a command on an API key was refused; each maps to one HTTP status. */
public sealed interface ApiKeyRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such key for this tenant (another tenant's key is reported the same way). */
    record NotFound(String keyId) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "API key " + keyId + " does not exist";
        }
    }

    /** The key id is taken. */
    record AlreadyExists(String keyId) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "API key " + keyId + " already exists";
        }
    }

    /** The expiry is not in the future. */
    record ExpiryInThePast(String field) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "expiresAt must be in the future";
        }
    }

    /** An attribute breaks a rule of {@link ApiKeyAttributeRules}. */
    record InvalidAttribute(String field, String message) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (" + message + ")";
        }
    }

    /** The key is revoked or expired, so it can no longer be changed or rotated. */
    record NotActive(String keyId, String status) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "API key " + keyId + " is " + status + " and can no longer be changed";
        }
    }

    /**
     * The key would break its tenant's token policy.
     *
     * @param rule    the policy rule, e.g. {@code expiryRequired}, {@code maxKeyLifetime}, {@code allowedCidrs}
     * @param field   the key attribute at fault, e.g. {@code expiresAt}, {@code ipAllowList[0]}
     * @param message what the rule asks, safe to show
     */
    record PolicyViolation(String rule, String field, String message) implements ApiKeyRejection {
        @Override
        public String detail() {
            return "Tenant token policy rule " + rule + " is broken by " + field + ": " + message;
        }
    }
}
