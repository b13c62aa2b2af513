package io.keygate.token.oauth;

/** Why a command on an OAuth2 client was refused; each maps to one HTTP status. */
public sealed interface OAuthClientRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such client for this tenant (another tenant's client is reported the same way). */
    record NotFound(String clientId) implements OAuthClientRejection {
        @Override
        public String detail() {
            return "OAuth2 client " + clientId + " does not exist";
        }
    }

    /** The client id is taken. */
    record AlreadyExists(String clientId) implements OAuthClientRejection {
        @Override
        public String detail() {
            return "OAuth2 client " + clientId + " already exists";
        }
    }
}
