package io.keygate.gateway.proxy;

import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.check.CredentialExtractor;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which headers cross the gateway. Towards the upstream: the client's headers minus hop-by-hop
 * headers, credentials, anything a client could use to impersonate the gateway ({@code X-Keygate-*},
 * {@code X-Forwarded-*}, {@code Forwarded}, and the client-address headers of other proxies and CDNs, which upstreams
 * read as the gateway's word: {@code X-Real-IP}, {@code True-Client-IP}, …), and the headers with which frameworks let
 * a request change the path or the method the gateway checked ({@code X-Original-URL}, {@code X-Rewrite-URL},
 * {@code X-HTTP-Method-Override}, …), plus the gateway's own: {@code X-Request-Id},
 * {@code X-Keygate-Tenant}, {@code X-Keygate-Key-Id} (the credential's id), {@code X-Keygate-Application-Id} (when the
 * credential belongs to an application), {@code X-Forwarded-For/-Proto/-Host}. Towards the
 * client: the upstream's headers minus hop-by-hop headers, plus the request id.
 */
public final class ForwardingHeaders {

    public static final String TENANT = "X-Keygate-Tenant";
    public static final String KEY_ID = "X-Keygate-Key-Id";
    public static final String APPLICATION_ID = "X-Keygate-Application-Id";
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String FORWARDED_HOST = "X-Forwarded-Host";

    /** RFC 9110 §7.6.1 connection-specific headers, plus the de-facto ones. */
    private static final HeaderNames HOP_BY_HOP = new HeaderNames(
            "Connection",
            "Keep-Alive",
            "Proxy-Connection",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade");

    private static final HeaderNames NOT_TO_UPSTREAM = new HeaderNames(
            "Host",
            "Expect",
            "Forwarded",
            RequestIds.HEADER,
            CredentialExtractor.API_KEY_HEADER,
            CredentialExtractor.AUTHORIZATION_HEADER,
            // A client's address as other proxies and CDNs state it.
            "X-Real-IP",
            "True-Client-IP",
            "CF-Connecting-IP",
            "Fastly-Client-IP",
            "X-Client-IP",
            "X-Cluster-Client-IP",
            "X-Original-Forwarded-For",
            "Client-IP",
            // Path and method overrides (IIS, Symfony, Laravel, Express's method-override, Spring's filter): the
            // upstream would serve another path or method than the one whose scope the gateway checked.
            "X-Original-URL",
            "X-Original-URI",
            "X-Rewrite-URL",
            "X-HTTP-Method-Override",
            "X-HTTP-Method",
            "X-Method-Override");

    private ForwardingHeaders() {}

    /** The headers of the upstream request for an accepted call. */
    public static MultiMap toUpstream(MultiMap incoming, CallContext call, String scheme, String host) {
        List<String> listedInConnection = connectionTokens(incoming);
        MultiMap outgoing = HttpHeaders.headers();
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || NOT_TO_UPSTREAM.contains(name)
                    || containsIgnoreCase(listedInConnection, name)
                    || startsWithIgnoreCase(name, "X-Keygate-")
                    || startsWithIgnoreCase(name, "X-Forwarded-")) {
                continue;
            }
            outgoing.add(name, header.getValue());
        }
        outgoing.set(RequestIds.HEADER, call.requestId());
        outgoing.set(TENANT, call.caller().tenantId());
        outgoing.set(KEY_ID, call.caller().credentialId());
        if (call.caller().applicationId() != null) {
            outgoing.set(APPLICATION_ID, call.caller().applicationId());
        }
        if (call.clientIp() != null) {
            outgoing.set(FORWARDED_FOR, call.clientIp());
        }
        outgoing.set(FORWARDED_PROTO, scheme);
        if (host != null) {
            outgoing.set(FORWARDED_HOST, host);
        }
        return outgoing;
    }

    /** Copies the upstream response's end-to-end headers to the client response. */
    public static void toClient(MultiMap upstream, MultiMap response) {
        List<String> listedInConnection = connectionTokens(upstream);
        for (Map.Entry<String, String> header : upstream) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || containsIgnoreCase(listedInConnection, name)
                    || name.equalsIgnoreCase(RequestIds.HEADER)) {
                continue;
            }
            response.add(name, header.getValue());
        }
    }

    /**
     * The header names a {@code Connection} header lists besides the hop-by-hop ones dropped anyway (usually none: an
     * upstream's {@code Connection: keep-alive} names one of those).
     */
    private static List<String> connectionTokens(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null || connection.isBlank()) {
            return List.of();
        }
        List<String> tokens = null;
        for (String token : connection.split(",")) {
            String name = token.strip();
            if (!name.isEmpty() && !HOP_BY_HOP.contains(name)) {
                if (tokens == null) {
                    tokens = new ArrayList<>(2);
                }
                tokens.add(name);
            }
        }
        return tokens == null ? List.of() : tokens;
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithIgnoreCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * A fixed set of header names matched ignoring case without allocating: grouped by length, so most names that are
     * not in it are turned away by their length alone (two lookups for every header of every call).
     */
    private static final class HeaderNames {

        private final String[][] byLength;

        HeaderNames(String... names) {
            int longest = 0;
            for (String name : names) {
                longest = Math.max(longest, name.length());
            }
            byLength = new String[longest + 1][];
            for (String name : names) {
                String[] same = byLength[name.length()];
                same = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
                same[same.length - 1] = name;
                byLength[name.length()] = same;
            }
        }

        boolean contains(String name) {
            if (name.length() >= byLength.length) {
                return false;
            }
            String[] candidates = byLength[name.length()];
            if (candidates != null) {
                for (String candidate : candidates) {
                    if (candidate.equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
