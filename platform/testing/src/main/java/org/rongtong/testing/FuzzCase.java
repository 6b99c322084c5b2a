package org.rongtong.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One request to send, as each role: an operation's baseline with one part broken ({@code what} says which). */
final class FuzzCase {

    final OpenApiDocument.Operation op;
    final String path;
    final String query;
    final Map<String, String> headers;
    final byte[] body;
    final String contentType;
    final String what;

    FuzzCase(OpenApiDocument.Operation op, String path, String query, Map<String, String> headers, byte[] body, String contentType, String what) {
        this.op = op;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
        this.what = what;
    }

    HttpRequest request(URI base, ApiFuzzer.Role role, Duration timeout) {
        String target = base.toString().replaceAll("/$", "") + path + (query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout);
        request.method(op.method().toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        if (role.token() != null) {
            request.header("Authorization", "Bearer " + role.token());
        }
        return request.build();
    }

    String describe() {
        String bodyText = body == null ? "" : " body " + ApiFuzzer.shorten(new String(body, StandardCharsets.UTF_8), 200);
        return op.method().toUpperCase() + " " + ApiFuzzer.shorten(path + (query.isEmpty() ? "" : "?" + query), 200) + " [" + what + "]"
                + (contentType == null ? "" : " " + contentType) + (headers.isEmpty() ? "" : " " + ApiFuzzer.shorten(headers.toString(), 100)) + bodyText;
    }
}
