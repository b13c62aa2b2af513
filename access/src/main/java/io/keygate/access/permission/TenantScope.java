package io.keygate.access.permission;

/**
 * Where an endpoint's tenant comes from, or why it has none. Written in the table's {@code tenant} column as
 * {@code public}, {@code signed-in}, {@code platform}, {@code {name}} (a path parameter) or {@code ?name} (a query
 * parameter).
 */
public sealed interface TenantScope {

    /** No token needed: discovery documents, public keys, the login steps. */
    record Public() implements TenantScope {}

    /** Any signed-in user, about themselves: the role columns do not apply. */
    record SignedIn() implements TenantScope {}

    /** Platform administrators only. */
    record Platform() implements TenantScope {}

    /** The tenant is the path parameter {@code name}. */
    record PathParameter(String name) implements TenantScope {}

    /** The tenant is the query parameter {@code name}; without it, only a platform administrator may call. */
    record QueryParameter(String name) implements TenantScope {}

    /** Parses the table's notation. */
    static TenantScope parse(String text) {
        String value = text.trim();
        if (value.equals("public")) {
            return new Public();
        }
        if (value.equals("signed-in")) {
            return new SignedIn();
        }
        if (value.equals("platform")) {
            return new Platform();
        }
        if (value.matches("\\{[A-Za-z][A-Za-z0-9]*}")) {
            return new PathParameter(value.substring(1, value.length() - 1));
        }
        if (value.matches("\\?[A-Za-z][A-Za-z0-9]*")) {
            return new QueryParameter(value.substring(1));
        }
        throw new IllegalArgumentException("Unknown tenant notation '" + value
                + "': use public, signed-in, platform, {pathParameter} or ?queryParameter");
    }
}
