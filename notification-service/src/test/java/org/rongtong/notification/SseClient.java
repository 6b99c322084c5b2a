package org.rongtong.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.rongtong.notification.service.StreamService;
import org.rongtong.testing.TestJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/** Reads /api/v1/stream over real HTTP in the background; closing the returned stream disconnects. */
final class SseClient {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    /** One server-sent event: its id and the CloudEvent it carries. */
    record Event(String id, JsonNode cloudEvent) {
        String eventId() {
            return cloudEvent.path("id").asText();
        }
    }

    private SseClient() {
    }

    static Stream<String> open(URI stream, String token, String query, BlockingQueue<Event> into) throws Exception {
        return open(stream, token, query, null, into::add);
    }

    /** From after {@code lastEventId} when given (the stream's resumption), each event to {@code into}. */
    static Stream<String> open(URI stream, String token, String query, String lastEventId, Consumer<Event> into) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + query)).header("authorization", "Bearer " + token)
                .header("accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        // the stream's start was fixed when it was asked for (StreamService): once it is registered, nothing published now is missed
        await().atMost(Duration.ofSeconds(10)).until(() -> Arc.container().instance(StreamService.class).get().openStreams() > 0);
        Stream<String> lines = response.body();
        Thread reader = new Thread(() -> {
            String[] id = {null};
            try {
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        id[0] = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        try {
                            into.accept(new Event(id[0], JSON.readTree(line.substring(5).trim())));
                        } catch (Exception e) {
                            into.accept(new Event(id[0], JSON.createObjectNode().put("id", "unreadable: " + line)));
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
