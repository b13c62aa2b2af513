package io.keygate.gateway.config;

import io.keygate.gateway.ratelimit.RateLimitMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the edge gateway can be configured with, under {@code keygate.*}. Kafka connection
 * settings stay under Quarkus's {@code kafka.*} ({@code kafka.bootstrap.servers}, TLS, SASL), which
 * both Kafka clients of the gateway receive unchanged.
 */
@ConfigMapping(prefix = "keygate")
public interface GatewayConfig {

    /** API key settings. */
    ApiKey apiKey();

    /** Kafka topics the gateway reads and writes. */
    Kafka kafka();

    /** The gateway itself. */
    Gateway gateway();

    /** API key settings. */
    interface ApiKey {
        /**
         * Server-side pepper of the keyed API-key hash (at least 32 bytes). Must equal the token-service's.
         * No default: the gateway does not start without it in production.
         */
        String pepper();
    }

    /** Kafka topic settings. */
    interface Kafka {
        /** Replication factor of topics the gateway creates when they are missing: 3 in production. */
        @WithDefault("3")
        short replicationFactor();
    }

    /** The gateway itself. */
    interface Gateway {
        /** This replica's id in call records; defaults to the host name. */
        @WithDefault("edge-gateway")
        String id();

        /** The proxy port. */
        Proxy proxy();

        /** The state consumer. */
        State state();

        /** Call records. */
        Calls calls();

        /** JWT access tokens (OAuth2 client credentials, RFC 9068). */
        Jwt jwt();

        /** The revocation watermark this replica publishes. */
        Watermark watermark();

        /** Rate limits and quotas. */
        RateLimits rateLimit();
    }

    /** Where rate limits and quotas are counted, and how the gateway reaches Redis for the modes that use it. */
    interface RateLimits {
        /**
         * {@code local} (each gateway counts alone), {@code cluster} (exact across gateways, one Redis round trip per
         * limited call) or {@code hybrid} (tokens leased from Redis in batches).
         */
        @WithDefault("local")
        RateLimitMode mode();

        /** Redis for the cluster and hybrid modes, e.g. {@code redis://:password@redis:6379/0} or {@code rediss://...}. */
        @WithDefault("redis://localhost:6379")
        String redisUrl();

        /** Prefix of the gateway's Redis keys. */
        @WithDefault("keygate:rl:")
        String redisKeyPrefix();

        /** Longest wait for Redis before a call is decided locally. */
        @WithDefault("50ms")
        Duration redisTimeout();

        /** While Redis does not answer, how often one call tries it again (the others are decided locally). */
        @WithDefault("1s")
        Duration redisProbeInterval();

        /** Redis connections per proxy event loop. */
        @WithDefault("4")
        int redisPoolSize();

        /** Calls that may wait for a Redis connection per event loop before further ones are decided locally. */
        @WithDefault("1024")
        int redisMaxWaiting();

        /**
         * Hybrid mode: a lease holds what the event loop spent in this time lately, at most what the tightest limit
         * refills in it (at least one token), and expires unspent after it.
         */
        @WithDefault("100ms")
        Duration hybridLease();
    }

    /** The proxy (data plane) HTTP server and its upstream client. */
    interface Proxy {
        /**
         * Networks of the load balancers or proxies in front of the gateway, whose {@code X-Forwarded-For}
         * entries are believed when finding the client's address; none by default (the TCP peer is the client).
         */
        Optional<List<String>> trustedProxies();

        /**
         * A query parameter from which API keys are accepted, for clients that cannot send headers; it is taken out
         * of the URL sent upstream. Unset (default): a credential in the query string is refused with a problem that
         * says to use a header, since URLs end up in logs, browser histories and {@code Referer} headers.
         */
        Optional<String> queryKeyParameter();

        /** Port of the proxy; 0 picks a free port (tests). The admin API stays on {@code quarkus.http.port}. */
        @WithDefault("8080")
        int port();

        /** Interface the proxy binds to. */
        @WithDefault("0.0.0.0")
        String host();

        /** Event loops serving the proxy, each with its own upstream connection pool; 0 = one per CPU core. */
        @WithDefault("0")
        int instances();

        /** Time to open a connection to an upstream before answering 502. */
        @WithDefault("5s")
        Duration upstreamConnectTimeout();

        /** Time without any byte from the upstream before answering 504 (or cutting the response). */
        @WithDefault("30s")
        Duration upstreamIdleTimeout();

        /** Keep-alive connections per upstream host and event loop. */
        @WithDefault("100")
        int upstreamMaxConnections();

        /**
         * A client connection with no byte read or written for this long is closed: one that connects and sends
         * nothing, one quiet between keep-alive requests, one that stops sending its body. Longer than the longest
         * upstream read timeout of any route, or a slow upstream's answer is cut off.
         */
        @WithDefault("60s")
        Duration clientIdleTimeout();

        /** Largest request header section, bytes; a larger one is refused with 431 before any check runs. */
        @WithDefault("8192")
        int maxHeaderSize();

        /** Largest request line (method, URI, version), bytes; a longer one is refused with 414. */
        @WithDefault("4096")
        int maxInitialLineLength();

        /** When a route's target is taken out of the rotation. */
        PassiveHealth passiveHealth();
    }

    /** Passive health of route targets, judged from the proxied requests themselves. */
    interface PassiveHealth {
        /** Failed requests in a row (connect error, timeout, failure status) that eject a target. */
        @WithDefault("3")
        int failureThreshold();

        /** How long an ejected target gets no traffic before one trial request. */
        @WithDefault("10s")
        Duration cooldown();

        /** Upstream statuses that count as a failure of the target that answered them. */
        @WithDefault("502,503,504")
        Set<Integer> failureStatuses();
    }

    /** The consumer that builds the in-memory state from the token and policy topics. */
    interface State {
        /** Longest wait of one poll: bounds how late a revocation is applied once it reached the broker. */
        @WithDefault("50ms")
        Duration pollTimeout();

        /**
         * How often the consumer asks the broker for the end offsets of the state topics, to prove the state
         * fresh (see {@code StateFreshness}): staleness stays below about this while Kafka answers.
         */
        @WithDefault("1s")
        Duration freshnessCheckInterval();

        /**
         * Longest time the gateway keeps serving from a state it cannot prove fresh (Kafka unreachable, consumer
         * stuck) before it fails closed: readiness DOWN and 503 on the proxy until fresh again. Unset: it keeps
         * serving its last state for as long as the outage lasts. Must be longer than the check interval.
         */
        Optional<Duration> maxStaleness();

        /**
         * How often the consumer asks the broker whether the state topics gained partitions (an operator may add
         * some to a topic that grew); new ones are read from their beginning, so no event on them is missed.
         */
        @WithDefault("30s")
        Duration partitionCheckInterval();
    }

    /** The revocation watermark: the positions this replica applied on the tokens topic, for the token-service. */
    interface Watermark {
        /** How often the watermark is published; also bounds how late the token-service learns of progress. */
        @WithDefault("1s")
        Duration interval();
    }

    /**
     * How JWT access tokens are verified, offline, with the signing keys from {@code keygate.signing-keys}. Issuer
     * and audience must equal the token-service's {@code keygate.oauth.issuer} and {@code keygate.oauth.audience}.
     */
    interface Jwt {
        /** The only {@code iss} accepted. */
        @WithDefault("http://localhost:8081")
        String issuer();

        /** A value every accepted token's {@code aud} must contain. */
        @WithDefault("keygate")
        String audience();

        /** JWS algorithms accepted: RS256/384/512 or PS256/384/512 only; {@code none} and HMAC never. */
        @WithDefault("RS256")
        Set<String> allowedAlgorithms();

        /** Tolerated clock difference on {@code exp} and {@code nbf}; at most 5 minutes. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Longest bearer token parsed as a JWT, characters; longer ones are refused unread. */
        @WithDefault("8192")
        int maxTokenLength();

        /** Verified tokens remembered (by SHA-256) so a repeated token skips the signature check. */
        @WithDefault("100000")
        long verifiedCacheSize();
    }

    /** The call-record producer. */
    interface Calls {
        /** How long the producer waits to fill a batch. */
        @WithDefault("20ms")
        Duration linger();

        /**
         * Longest time the publisher thread waits in one send for metadata or producer buffer space; past it the
         * record is offered again (records meanwhile wait in the queue). Requests never wait for it: they only queue
         * their record.
         */
        @WithDefault("500ms")
        Duration maxBlock();

        /**
         * Call records the event loops may queue for the publisher thread; when the queue is full (Kafka slower than
         * the traffic), further records are dropped and counted. Rounded up to a power of two.
         */
        @WithDefault("65536")
        int queueCapacity();

        /** Memory for records waiting to be sent, bytes. */
        @WithDefault("33554432")
        long bufferMemory();

        /**
         * Largest batch of call records per partition, bytes. Kafka's 16 KiB default filled in under 10 ms at 20k calls
         * a second and cost the broker a produce per batch; 256 KiB lets a batch gather the whole linger.
         */
        @WithDefault("262144")
        int batchSize();

        /**
         * Compression of call-record batches ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}):
         * the records repeat their field names and headers, so lz4 shrinks them several times over for little CPU, and
         * every replica and consumer moves fewer bytes.
         */
        @WithDefault("lz4")
        String compression();
    }
}
