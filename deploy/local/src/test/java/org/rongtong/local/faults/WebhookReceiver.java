package org.rongtong.local.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of the suite's webhook subscription: answers every delivery with 204 and counts them by
 * {@code webhook-id} (the CloudEvents id). A repeat of an id is allowed (delivery is at-least-once); the receiver is
 * what de-duplicates, as a real one would.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger withoutId = new AtomicInteger();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id == null || id.isBlank()) {
                withoutId.incrementAndGet();
            } else {
                byId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/faults";
    }

    /** The distinct ids received so far. */
    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    public int requests() {
        return requests.get();
    }

    int withoutId() {
        return withoutId.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
