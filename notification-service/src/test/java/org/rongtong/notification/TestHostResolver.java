package org.rongtong.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.service.HostResolver;

import io.quarkus.test.Mock;

/**
 * Names under {@code .rongtong.test} resolve to the loopback address, which no system resolver knows: a delivery to
 * such a name arrives only if the dispatcher connects to the address the target policy resolved, not to whatever the
 * name resolves to when the connection opens (DNS rebinding). Every other name resolves as usual.
 */
@Mock
@ApplicationScoped
public class TestHostResolver extends HostResolver {

    static final String DOMAIN = ".rongtong.test";

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.endsWith(DOMAIN)) {
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        }
        return super.resolve(host);
    }
}
