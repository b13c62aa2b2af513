package io.keygate.gateway.check;

/**
 * One step of the per-request check chain. Steps run in order, cheapest rejection first; the first
 * rejection ends the chain and becomes the answer. Steps only read the in-memory state: no I/O.
 */
public interface RequestCheck {

    /**
     * Checks the request, recording what it found in {@code call}.
     *
     * @return the rejection that ends the chain, or null when the request passes this step
     */
    Rejection check(CallContext call);
}
