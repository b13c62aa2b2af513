package io.keygate.gateway.check;

/**
 * A request whose declared {@code Content-Length} exceeds the route's {@code maxBodyBytes} is refused with 413
 * before anything is sent upstream.
 */
public final class BodySizeCheck implements RequestCheck {

    @Override
    public Rejection check(CallContext call) {
        String length = call.headers().get("Content-Length");
        if (length == null) {
            return null;
        }
        try {
            return Long.parseLong(length.strip()) > call.route().state().maxBodyBytes()
                    ? Rejection.BODY_TOO_LARGE
                    : null;
        } catch (NumberFormatException e) {
            return Rejection.MALFORMED_REQUEST;
        }
    }
}
