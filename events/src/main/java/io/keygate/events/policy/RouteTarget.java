package io.keygate.events.policy;

import java.util.Objects;

/**
 * One upstream of a route.
 *
 * @param url    absolute http(s) URL the request is proxied to (the path is appended)
 * @param weight share of the traffic relative to the route's other targets, 1..1000
 */
public record RouteTarget(String url, int weight) {

    public RouteTarget {
        Objects.requireNonNull(url, "url");
    }
}
