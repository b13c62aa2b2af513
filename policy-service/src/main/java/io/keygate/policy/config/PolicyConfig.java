package io.keygate.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The policy-service's own settings, under {@code keygate.policy}. */
@ConfigMapping(prefix = "keygate.policy")
public interface PolicyConfig {

    /** Which upstream targets routes may name. */
    Upstreams upstreams();

    /** Uploaded OpenAPI documents. */
    OpenApi openapi();

    /** SSRF guard on route targets. */
    interface Upstreams {

        /**
         * Whether targets on loopback, link-local or unspecified addresses (and {@code localhost}) are allowed.
         * False by default: a route must not turn the gateway into a proxy to its own host or network. The
         * local run and the tests set it, for their loopback demo upstream. Cloud metadata addresses stay
         * refused either way.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Further CIDR ranges no target may be in, e.g. {@code 10.0.0.0/8}; none by default. */
        Optional<List<String>> deniedRanges();
    }

    /** Limits of OpenAPI documents. */
    interface OpenApi {

        /** Largest document accepted, in bytes (1 MiB by default). */
        @WithDefault("1048576")
        int maxBytes();
    }
}
