package io.keygate.gateway.check;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.gateway.state.GatewayRoute;
import io.vertx.core.MultiMap;
import java.time.Instant;

/**
 * One request on its way through the gateway: what it asked for, what the checks found, and what was
 * answered — everything the call record needs. Confined to the request's event loop, so plain fields.
 */
public final class CallContext {

    private final String requestId;
    private final String method;
    private final String path;
    private final MultiMap headers;
    private final String clientIp;
    private final Instant receivedAt;
    private String query;
    private final long receivedNanos;

    private GatewayRoute route;
    private String presentedKey;
    private Caller caller;
    private SubscriptionState subscription;
    private CallOutcome outcome;
    private int status;
    private long bytesIn;
    private long bytesOut;
    private boolean finished;

    /**
     * @param requestId  the request id sent upstream and back to the client
     * @param method     HTTP method
     * @param path       the normalised request path, without query
     * @param headers    the request headers as received
     * @param clientIp   the client's address
     * @param receivedAt when the request arrived
     */
    public CallContext(
            String requestId, String method, String path, MultiMap headers, String clientIp, Instant receivedAt) {
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.clientIp = clientIp;
        this.receivedAt = receivedAt;
        this.receivedNanos = System.nanoTime();
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public MultiMap headers() {
        return headers;
    }

    public String clientIp() {
        return clientIp;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The raw query string, or null for none. */
    public String query() {
        return query;
    }

    /** Sets the raw query string (the proxy does, before the checks run). */
    public void query(String rawQuery) {
        this.query = rawQuery;
    }

    /** The matched route, or null before the route check or when none matched. */
    public GatewayRoute route() {
        return route;
    }

    void route(GatewayRoute matched) {
        this.route = matched;
    }

    /** The secret the client presented, between the credential check and the key lookup only. */
    String presentedKey() {
        return presentedKey;
    }

    void presentedKey(String secret) {
        this.presentedKey = secret;
    }

    /**
     * Who the credential says is calling, once the credential was found (even if then refused, so the call record
     * names it); null before, or when nothing matched.
     */
    public Caller caller() {
        return caller;
    }

    void caller(Caller found) {
        this.caller = found;
    }

    /** The approved subscription the call goes through (its plan sets limits), once the subscription check passed. */
    public SubscriptionState subscription() {
        return subscription;
    }

    void subscription(SubscriptionState approved) {
        this.subscription = approved;
    }

    /** The tenant of the route, else of the caller, else null. */
    public String tenantId() {
        if (route != null) {
            return route.tenantId();
        }
        return caller != null ? caller.tenantId() : null;
    }

    public CallOutcome outcome() {
        return outcome;
    }

    public int status() {
        return status;
    }

    /** Records what the gateway answered. */
    public void answered(CallOutcome callOutcome, int httpStatus) {
        this.outcome = callOutcome;
        this.status = httpStatus;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public void addBytesIn(long count) {
        bytesIn += count;
    }

    public void addBytesOut(long count) {
        bytesOut += count;
    }

    /** Microseconds since the request arrived. */
    public long elapsedMicros() {
        return (System.nanoTime() - receivedNanos) / 1_000;
    }

    /** Marks the call finished; true the first time only, so it is recorded once whatever ends it. */
    public boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }
}
