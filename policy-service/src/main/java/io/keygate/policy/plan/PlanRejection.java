package io.keygate.policy.plan;

/** Why a command on a plan was refused; each maps to one HTTP status. */
public sealed interface PlanRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such plan on this API of this tenant. */
    record NotFound(String planId) implements PlanRejection {
        @Override
        public String detail() {
            return "Plan " + planId + " does not exist";
        }
    }

    /** The plan id is taken. */
    record AlreadyExists(String planId) implements PlanRejection {
        @Override
        public String detail() {
            return "Plan " + planId + " already exists";
        }
    }

    /** The plan is retired and can no longer change. */
    record Retired(String planId) implements PlanRejection {
        @Override
        public String detail() {
            return "Plan " + planId + " is retired and can no longer be changed";
        }
    }

    /** The API the plan is for does not exist in the tenant, or is retired. */
    record ApiNotUsable(String apiId, boolean retired) implements PlanRejection {
        @Override
        public String detail() {
            return "API " + apiId + (retired ? " is retired" : " does not exist in this tenant");
        }
    }

    /** An attribute breaks a rule of {@link PlanRules}. */
    record InvalidAttribute(String field, String message) implements PlanRejection {
        @Override
        public String detail() {
            return "Invalid value for: " + field + " (" + message + ")";
        }
    }
}
