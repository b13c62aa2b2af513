package io.keygate.testkit;

/** A testkit server did not start; the message says which and where its log is. */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
