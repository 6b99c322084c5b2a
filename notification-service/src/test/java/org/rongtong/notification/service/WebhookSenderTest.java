package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.outbox.TraceContext;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.api.trace.TracerProvider;
import io.vertx.core.Vertx;

/** The sender against a local receiver: no Quarkus, no database. */
@Tag("unit")
class WebhookSenderTest {

    private static final String SECRET = "whsec_dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQ=";

    private Vertx vertx;
    private HttpServer receiver;
    private final AtomicReference<Headers> received = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();

    /** The few settings the sender reads. */
    private static WebhookConfig config() {
        Map<String, Object> values = Map.of("timeout", Duration.ofSeconds(2), "maxInFlight", 8);
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(), new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> values.get(method.getName()));
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.set(exchange.getRequestHeaders());
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private WebhookSender sender(boolean strict) {
        return new WebhookSender(vertx, config(), new TargetPolicy(strict), TracerProvider.noop().get("test"));
    }

    private DueDelivery due(String url) {
        return new DueDelivery(UUID.randomUUID(), UUID.randomUUID(), "event-1", "{\"id\":\"event-1\"}", url, SECRET, null, null,
                TraceContext.NONE);
    }

    @Test
    void aDeliveryIsPostedSignedWithItsSecret() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        WebhookSender.Outcome outcome = sender(false).send(due(url)).join();
        assertEquals(204, outcome.status());
        assertTrue(outcome.succeeded());
        Headers headers = received.get();
        assertEquals("event-1", headers.getFirst("webhook-id"));
        long timestamp = Long.parseLong(headers.getFirst("webhook-timestamp"));
        assertEquals(WebhookSigner.sign(SECRET, "event-1", timestamp, body.get()), headers.getFirst("webhook-signature"));
        assertEquals("{\"id\":\"event-1\"}", body.get());
    }

    @Test
    void aTargetThePolicyRefusesIsNotContactedAndSaysWhy() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        WebhookSender.Outcome outcome = sender(true).send(due(url)).join();
        assertNull(outcome.status());
        assertTrue(outcome.error().startsWith("target refused: "), outcome.error());
        assertNull(received.get());
    }

    @Test
    void aFailedExchangeIsDescribedWithoutTheNetworksDetails() {
        assertEquals("timed out", WebhookSender.describe(new CompletionException(new TimeoutException("10.0.0.7:443"))));
        assertEquals("connection failed", WebhookSender.describe(new ConnectException("Connection refused: /10.0.0.7:443")));
        assertEquals("request failed", WebhookSender.describe(new IllegalStateException("10.0.0.7")));
    }
}
