package org.rongtong.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/** Name resolution for webhook targets: the system resolver; a seam so tests can make a name resolve anywhere. */
@ApplicationScoped
public class HostResolver {

    /** Every address of the host (blocking). */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
