package org.rongtong.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rongtong.testing.EmbeddedKafkaBroker;

/**
 * The ports of every replica of every service: the public API and the management interface (health, metrics). The
 * first replica's are chosen by whoever builds the stack; replicas beyond it take free ports of their own.
 */
final class StackPorts {

    private record Pair(int api, int management) {
    }

    private final Map<Service, List<Pair>> pairs = new EnumMap<>(Service.class);

    StackPorts(Map<Service, Integer> api, Map<Service, Integer> management) {
        for (Service s : api.keySet()) {
            pairs.put(s, new ArrayList<>(List.of(new Pair(api.get(s), management.get(s)))));
        }
    }

    /** A free port for each service (a test's stack, or the management ports of a stack given only public ones). */
    static Map<Service, Integer> free() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, EmbeddedKafkaBroker.freePort());
        }
        return ports;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code count} replicas in all: the first keeps its ports, the others (new ones each time) take free ports. */
    void replicas(Service s, int count) {
        List<Pair> list = pairs.get(s);
        list.subList(1, list.size()).clear();
        for (int i = 1; i < count; i++) {
            list.add(new Pair(EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort()));
        }
    }

    int replicas(Service s) {
        return pairs.get(s).size();
    }

    int api(Service s, int replica) {
        return pairs.get(s).get(replica).api();
    }

    int management(Service s, int replica) {
        return pairs.get(s).get(replica).management();
    }

    String url(Service s, int replica) {
        return "http://127.0.0.1:" + api(s, replica);
    }

    String managementUrl(Service s, int replica) {
        return "http://127.0.0.1:" + management(s, replica);
    }
}
