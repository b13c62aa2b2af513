package io.keygate.policy.api;

/** Why a command on an API was refused; each maps to one HTTP status. */
public sealed interface ApiRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such API for this tenant (another tenant's private API is reported the same way). */
    record NotFound(String apiId) implements ApiRejection {
        @Override
        public String detail() {
            return "API " + apiId + " does not exist";
        }
    }

    /** The API id is taken. */
    record AlreadyExists(String apiId) implements ApiRejection {
        @Override
        public String detail() {
            return "API " + apiId + " already exists";
        }
    }

    /** The API is retired, so it can no longer change or get routes. */
    record Retired(String apiId) implements ApiRejection {
        @Override
        public String detail() {
            return "API " + apiId + " is retired and can no longer be changed";
        }
    }

    /** The API still has active routes, so it cannot be retired. */
    record HasRoutes(String apiId, String routeId) implements ApiRejection {
        @Override
        public String detail() {
            return "API " + apiId + " still has route " + routeId + "; delete its routes before retiring it";
        }
    }

    /** An attribute breaks a rule of {@link ApiAttributeRules}. */
    record InvalidAttribute(String field, String message) implements ApiRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (" + message + ")";
        }
    }

    /** The uploaded OpenAPI document is too large. */
    record DocumentTooLarge(long maxBytes) implements ApiRejection {
        @Override
        public String detail() {
            return "The OpenAPI document must be at most " + maxBytes + " bytes";
        }
    }

    /** The uploaded document does not parse, or is not an OpenAPI 3.x document. */
    record InvalidDocument(String field, String message) implements ApiRejection {
        @Override
        public String detail() {
            return "Not an OpenAPI 3.x document: " + message;
        }
    }
}
