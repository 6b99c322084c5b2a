package org.rongtong.notification.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rongtong.notification.config.WebhookConfig;

/**
 * What a webhook target may be. Always: an absolute http(s) URL without credentials. Strict (everywhere but %dev and
 * %test): https only, and every address the host resolves to must be public, so a subscription cannot make the service
 * probe its own network or the cloud metadata endpoint. Checked at creation and again before each attempt; the attempt
 * then connects to the very address that was checked ({@link Target#address}), so a name that resolves to a public
 * address for the check and to an internal one a moment later (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class TargetPolicy {

    /** An accepted target: the URL and the address to connect to (its host's, resolved once and checked). */
    public record Target(URI uri, InetAddress address, int port) {
    }

    /** A target or why it is refused. */
    public record Checked(Target target, String refusal) {
        static Checked refused(String why) {
            return new Checked(null, why);
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?)$");

    private final boolean strict;
    private final HostResolver resolver;

    @Inject
    public TargetPolicy(WebhookConfig config, HostResolver resolver) {
        this(config.strictTargets(), resolver);
    }

    public TargetPolicy(boolean strict) {
        this(strict, new HostResolver());
    }

    public TargetPolicy(boolean strict, HostResolver resolver) {
        this.strict = strict;
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it is acceptable. Resolves the host (blocking) unless it is an address. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** Whether {@link #check} of this URL needs name resolution (blocking), i.e. its host is not an address. */
    public static boolean resolves(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null || !IP_LITERAL.matcher(host).matches();
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** Parses, resolves once and checks the URL; the target carries the address the attempt must connect to. */
    public Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Checked.refused("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Checked.refused("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Checked.refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Checked.refused("must not carry a fragment");
        }
        if (strict && !scheme.equals("https")) {
            return Checked.refused("must use https");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Checked.refused("host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Checked.refused("host does not resolve");
        }
        if (strict) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Checked.refused("must not resolve to a loopback, private, link-local, reserved or translated address");
                }
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Checked(new Target(uri, addresses[0], port), null);
    }

    /**
     * A public unicast address. Refused: loopback, unspecified, link-local (169.254/16 and the metadata address),
     * private, carrier-grade NAT (100.64/10), benchmarking (198.18/15), 192.0.0/24, multicast, 240/4; IPv6 unique local,
     * link-local, site-local, multicast; and every IPv6 form that carries an IPv4 address the network may reach — mapped
     * (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16), Teredo
     * (2001::/32) — however public the address it carries looks: the translation happens outside our check.
     */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            boolean zeros80 = true;
            for (int i = 0; i < 10; i++) {
                zeros80 &= b[i] == 0;
            }
            if (zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                // IPv4-mapped ::ffff:a.b.c.d reaches the IPv4 address itself: judge that
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (zeros80 && b[10] == 0 && b[11] == 0) {
                return false; // IPv4-compatible ::a.b.c.d (deprecated), and ::/96 as a whole
            }
            if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false; // NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48
            }
            if (first == 0x20 && second == 0x02) {
                return false; // 6to4 2002::/16
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // Teredo 2001::/32
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 10 || first == 127
                || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                || first == 169 && second == 254 // link-local, metadata 169.254.169.254
                || first == 172 && second >= 16 && second < 32
                || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xff) == 0
                || first == 198 && (second == 18 || second == 19) // benchmarking 198.18.0.0/15
                || first >= 224); // multicast and 240/4
    }
}
