package org.rongtong.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on a free port. {@code behaviour} maps the 1-based number of a request to the status to
 * answer; a negative status means hang for that many milliseconds, then answer 200.
 */
final class Receiver implements AutoCloseable {

    record Received(int status, String id, String timestamp, String signature, String body, long receivedAtMillis, String traceparent) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    volatile IntUnaryOperator behaviour;

    Receiver(IntUnaryOperator behaviour) throws IOException {
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = this.behaviour.applyAsInt(n);
            if (status < 0) {
                try {
                    Thread.sleep(-status);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            } else {
                // a hung request the client gave up on is not a delivery; a completed one is
                received.add(new Received(status, exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body, System.currentTimeMillis(),
                        exchange.getRequestHeaders().getFirst("traceparent")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    int requests() {
        return requests.get();
    }

    List<Received> succeeded() {
        return received.stream().filter(r -> r.status() >= 200 && r.status() < 300).toList();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
