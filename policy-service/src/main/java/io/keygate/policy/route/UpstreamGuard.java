package io.keygate.policy.route;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard on route targets: a route must not make the gateway a proxy to its own host, its link-local
 * network or a cloud metadata service. A target whose host is, or is a literal IP address in, loopback,
 * link-local or unspecified space is refused unless {@code allowPrivateTargets}; one in a denied range or on a
 * metadata address is refused always.
 *
 * <p>Host names are not resolved here: the answer at definition time says nothing about the answer at connect
 * time (DNS rebinding), and a lookup would block. Names that are loopback or metadata by definition
 * ({@code localhost}, {@code *.localhost}, {@code metadata.google.internal}) are refused by name; re-checking the
 * resolved address when the gateway connects is the gateway's part (future work).
 *
 * @param allowPrivateTargets whether loopback, link-local and unspecified targets are allowed
 * @param deniedRanges        ranges refused always
 */
public record UpstreamGuard(boolean allowPrivateTargets, List<IpRange> deniedRanges) {

    private static final Set<String> METADATA_NAMES =
            Set.of("metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal");
    private static final List<IpRange> METADATA_ADDRESSES =
            List.of(IpRange.parse("169.254.169.254/32"), IpRange.parse("fd00:ec2::254/128"));
    private static final IpRange THIS_NETWORK = IpRange.parse("0.0.0.0/8");

    public UpstreamGuard {
        deniedRanges = List.copyOf(deniedRanges);
    }

    /** The guard with its defaults: nothing private allowed, no further denied ranges. */
    public static UpstreamGuard strict() {
        return new UpstreamGuard(false, List.of());
    }

    /** A guard from configuration values. */
    public static UpstreamGuard of(boolean allowPrivateTargets, Optional<List<String>> deniedRanges) {
        return new UpstreamGuard(
                allowPrivateTargets,
                deniedRanges.orElse(List.of()).stream().map(IpRange::parse).toList());
    }

    /** Why a target on {@code host} is refused, or null if it is allowed. */
    public String refusal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (IpLiterals.isAmbiguousNumeric(h)) {
            return "must be a host name or an IP address in standard notation";
        }
        InetAddress address = IpLiterals.parse(h);
        if (address == null) {
            return nameRefusal(h);
        }
        if (METADATA_ADDRESSES.stream().anyMatch(range -> range.contains(address))) {
            return "must not be a cloud metadata address";
        }
        if (deniedRanges.stream().anyMatch(range -> range.contains(address))) {
            return "is in a denied address range";
        }
        if (!allowPrivateTargets && isPrivate(address)) {
            return "must not be a loopback, link-local or unspecified address";
        }
        return null;
    }

    private String nameRefusal(String name) {
        if (METADATA_NAMES.contains(name)) {
            return "must not be a cloud metadata host";
        }
        if (!allowPrivateTargets && (name.equals("localhost") || name.endsWith(".localhost"))) {
            return "must not be a loopback host";
        }
        return null;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || THIS_NETWORK.contains(address)) {
            return true;
        }
        // An IPv6 address embedding an IPv4 one (::a.b.c.d) reaches that IPv4 address on dual-stack hosts.
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean compatible = true;
            for (int i = 0; i < 12; i++) {
                compatible &= b[i] == 0;
            }
            if (compatible) {
                return true;
            }
        }
        return false;
    }
}
