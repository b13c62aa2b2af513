package io.keygate.policy.route;

/** Why a route command was refused; each maps to one HTTP status. */
public sealed interface RouteRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such route for this tenant. */
    record NotFound(String routeId) implements RouteRejection {
        @Override
        public String detail() {
            return "Route " + routeId + " does not exist";
        }
    }

    /** Another route already claims the path prefix. */
    record PrefixTaken(String pathPrefix) implements RouteRejection {
        @Override
        public String detail() {
            return "Another route already serves path prefix " + pathPrefix;
        }
    }

    /** A field failed a domain rule (not a mere format check). */
    record InvalidField(String field, String message) implements RouteRejection {
        @Override
        public String detail() {
            return field + ": " + message;
        }
    }
}
