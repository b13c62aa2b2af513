package io.keygate.token.identity.login;

import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.identity.store.LoginThrottleStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Lockout with exponential backoff, per account name and per client address. The account key is the keyed hash of
 * the lower-cased address whether or not a user has it, so an unknown address is locked exactly like a known one
 * and a lock tells nothing about existence.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleStore store;
    private final LoginBackoff accountBackoff;
    private final LoginBackoff clientBackoff;
    private final Duration window;

    LoginThrottle(LoginThrottleStore store, IdentityConfig config) {
        this.store = store;
        IdentityConfig.Lockout lockout = config.lockout();
        this.accountBackoff = new LoginBackoff(lockout.accountThreshold(), lockout.baseDelay(), lockout.maxDelay());
        this.clientBackoff = new LoginBackoff(lockout.clientThreshold(), lockout.baseDelay(), lockout.maxDelay());
        this.window = lockout.failureWindow();
    }

    /** The throttle key of an account name. */
    public static String accountKey(String accountHash) {
        return "account:" + accountHash;
    }

    /** The throttle key of a client address. */
    public static String clientKey(String clientIp) {
        return "client:" + (clientIp == null ? "unknown" : clientIp);
    }

    /** How long until both keys are free; null if neither is locked. */
    public Uni<Duration> lockRemaining(String accountHash, String clientIp, Instant now) {
        return Uni.combine()
                .all()
                .unis(store.lockedUntil(accountKey(accountHash), now), store.lockedUntil(clientKey(clientIp), now))
                .with((account, client) -> remaining(latest(account, client), now));
    }

    /** Counts a failure on both keys; returns until when the later lock lasts, or null if none. */
    public Uni<Instant> recordFailure(String accountHash, String clientIp, Instant now) {
        return Uni.combine()
                .all()
                .unis(
                        store.recordFailure(accountKey(accountHash), now, window, accountBackoff),
                        store.recordFailure(clientKey(clientIp), now, window, clientBackoff))
                .with(LoginThrottle::latest);
    }

    /** Forgets the account name's failures after a successful password (the client address's stay). */
    public Uni<Void> recordSuccess(String accountHash) {
        return store.reset(accountKey(accountHash));
    }

    /** The time left until {@code until}, rounded up to whole seconds; null for none. */
    public static Duration remaining(Instant until, Instant now) {
        if (until == null || !until.isAfter(now)) {
            return null;
        }
        Duration left = Duration.between(now, until);
        return left.getNano() == 0 ? left : Duration.ofSeconds(left.getSeconds() + 1);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
