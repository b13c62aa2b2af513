package io.keygate.policy.route.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of route create and update.
 *
 * @param name        human name
 * @param pathPrefix  requests whose path starts with it go to the upstream, e.g. {@code /orders}
 * @param upstreamUrl http(s) URL the request path is appended to
 */
public record RouteRequest(
        @Size(max = 200) String name,
        @NotBlank @Size(max = 512) String pathPrefix,
        @NotBlank @Size(max = 2048) String upstreamUrl) {}
