package io.keygate.access.session;

/** A bearer token that is not a valid, live session token. The message says why, for logs; clients get 401. */
public class InvalidSessionException extends Exception {

    public InvalidSessionException(String message) {
        super(message, null, false, false);
    }
}
