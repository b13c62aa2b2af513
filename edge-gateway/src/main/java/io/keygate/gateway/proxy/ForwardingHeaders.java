package io.keygate.gateway.proxy;

import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.check.CredentialExtractor;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the gateway. Towards the upstream: the client's headers minus hop-by-hop
 * headers, credentials, and anything a client could use to impersonate the gateway ({@code X-Keygate-*},
 * {@code X-Forwarded-*}, {@code Forwarded}), plus the gateway's own: {@code X-Request-Id},
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
    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "Connection",
            "Keep-Alive",
            "Proxy-Connection",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade");

    private static final Set<String> NOT_TO_UPSTREAM = caseInsensitive(
            "Host",
            "Expect",
            "Forwarded",
            RequestIds.HEADER,
            CredentialExtractor.API_KEY_HEADER,
            CredentialExtractor.AUTHORIZATION_HEADER);

    private ForwardingHeaders() {}

    /** The headers of the upstream request for an accepted call. */
    public static MultiMap toUpstream(MultiMap incoming, CallContext call, String scheme, String host) {
        Set<String> listedInConnection = connectionTokens(incoming);
        MultiMap outgoing = HttpHeaders.headers();
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || NOT_TO_UPSTREAM.contains(name)
                    || listedInConnection.contains(name)
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
        Set<String> listedInConnection = connectionTokens(upstream);
        for (Map.Entry<String, String> header : upstream) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || listedInConnection.contains(name)
                    || name.equalsIgnoreCase(RequestIds.HEADER)) {
                continue;
            }
            response.add(name, header.getValue());
        }
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null || connection.isBlank()) {
            return Set.of();
        }
        Set<String> tokens = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String token : connection.split(",")) {
            tokens.add(token.strip());
        }
        return tokens;
    }

    private static boolean startsWithIgnoreCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
