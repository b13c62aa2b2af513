package io.keygate.analytics.usage;

/** A request parameter with a value the API does not accept; answered with a 400 problem naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason, null, false, false);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The parameter's name as the client sent it. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with its value. */
    public String reason() {
        return reason;
    }
}
