package org.rongtong.notification.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rongtong.notification.config.WebhookConfig;

/**
 * What a webhook target may be. Always: an absolute http(s) URL without credentials. Strict (everywhere but %dev and
 * %test): https only, and every address the host resolves to must be public, so a subscription cannot make the service
 * probe its own network or the cloud metadata endpoint. Checked at creation and again before each attempt, because DNS
 * may answer differently later (rebinding).
 */
@ApplicationScoped
public class TargetPolicy {

    private final boolean strict;

    @Inject
    public TargetPolicy(WebhookConfig config) {
        this(config.strictTargets());
    }

    public TargetPolicy(boolean strict) {
        this.strict = strict;
    }

    /** Whether {@link #refusal} resolves host names, i.e. blocks. */
    public boolean resolvesHosts() {
        return strict;
    }

    /** Why the URL is refused, or empty when it is acceptable. Resolves the host (blocking) in strict mode. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not carry a fragment");
        }
        if (!strict) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("must not resolve to a loopback, private, link-local or metadata address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 169 && second == 254 // link-local, metadata 169.254.169.254
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first >= 240);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            // IPv4-mapped ::ffff:a.b.c.d: judge the IPv4 address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
