package org.rongtong.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the end-to-end test needs to see a trace (ADR traces-across-kafka): a webhook receiver that keeps each delivery's
 * {@code traceparent} and body, and a minimal OTLP/HTTP receiver ({@code http/protobuf}) that keeps, per service, the
 * trace ids of the spans the services export. Configured into the stack with {@link #tracing(LocalStack)}, so the
 * services' OpenTelemetry SDK is on (it is off without an endpoint) and exports here, never to a missing collector.
 */
final class TraceWitness implements AutoCloseable {

    /** A webhook request as it arrived. */
    record Delivery(String traceparent, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** "service-name|trace id" of every span exported. */
    private final Set<String> spans = ConcurrentHashMap.newKeySet();

    TraceWitness() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(executor);
        server.createContext("/hooks", exchange -> {
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("traceparent"),
                    new String(body(exchange), StandardCharsets.UTF_8)));
            respond(exchange, 204);
        });
        // OTLP/HTTP posts to /v1/traces; whatever else is not a webhook is taken as an export too
        server.createContext("/", exchange -> {
            try {
                readExport(body(exchange));
                respond(exchange, 200);
            } catch (RuntimeException e) {
                respond(exchange, 400);
            }
        });
        server.start();
    }

    /** The stack's services export their spans here, at once rather than every 5 s; webhooks to 127.0.0.1 are allowed. */
    LocalStack tracing(LocalStack stack) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return stack.withProperty("quarkus.otel.exporter.otlp.traces.endpoint", base)
                .withProperty("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf")
                .withProperty("quarkus.otel.bsp.schedule.delay", "200ms")
                .withProperty(Service.NOTIFICATION, "rongtong.webhooks.strict-targets", "false");
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/e2e";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The services that exported a span of this trace. */
    Set<String> servicesIn(String traceId) {
        Set<String> services = new java.util.TreeSet<>();
        for (String span : spans) {
            int bar = span.indexOf('|');
            if (span.substring(bar + 1).equals(traceId)) {
                services.add(span.substring(0, bar));
            }
        }
        return services;
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    return unzipped.readAllBytes();
                }
            }
            return raw;
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * ExportTraceServiceRequest: resource_spans (1) → resource (1) → attributes (1: key 1, value 2 → string_value 1),
     * and resource_spans → scope_spans (2) → spans (2) → trace_id (1). Only these fields are read.
     */
    private void readExport(byte[] request) {
        for (byte[] resourceSpans : Proto.fields(request, 1)) {
            String service = "?";
            for (byte[] resource : Proto.fields(resourceSpans, 1)) {
                for (byte[] attribute : Proto.fields(resource, 1)) {
                    List<byte[]> key = Proto.fields(attribute, 1);
                    if (!key.isEmpty() && "service.name".equals(new String(key.get(0), StandardCharsets.UTF_8))) {
                        for (byte[] value : Proto.fields(attribute, 2)) {
                            for (byte[] text : Proto.fields(value, 1)) {
                                service = new String(text, StandardCharsets.UTF_8);
                            }
                        }
                    }
                }
            }
            for (byte[] scopeSpans : Proto.fields(resourceSpans, 2)) {
                for (byte[] span : Proto.fields(scopeSpans, 2)) {
                    for (byte[] traceId : Proto.fields(span, 1)) {
                        spans.add(service + "|" + HexFormat.of().formatHex(traceId));
                    }
                }
            }
        }
    }

    /** Just enough of the protobuf wire format: the length-delimited fields of one number, skipping the rest. */
    private static final class Proto {

        static List<byte[]> fields(byte[] message, int number) {
            List<byte[]> found = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int wireType = (int) (tag & 7);
                switch (wireType) {
                    case 0 -> varint(message, at);
                    case 1 -> at[0] += 8;
                    case 5 -> at[0] += 4;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        if ((tag >>> 3) == number) {
                            byte[] field = new byte[length];
                            System.arraycopy(message, at[0], field, 0, length);
                            found.add(field);
                        }
                        at[0] += length;
                    }
                    default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
                }
            }
            return found;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
