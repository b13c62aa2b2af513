package io.keygate.access.permission;

/** The outcome of checking one call against its permission row. */
public sealed interface Verdict {

    /**
     * The call may proceed.
     *
     * @param ownershipRequired the caller's only grant is {@link Grant#OWN}: the service must check that the
     *                          application the call touches is theirs
     */
    record Allowed(boolean ownershipRequired) implements Verdict {}

    /** No valid session: 401. */
    record Unauthenticated() implements Verdict {}

    /**
     * A valid session that may not do this: 403.
     *
     * @param reason what is missing, for the problem's detail (never anything about other tenants' data)
     */
    record Forbidden(String reason) implements Verdict {}
}
