package org.rongtong.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.CloudEventHeaders;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.outbox.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

/** Sends one delivery: checks its target, signs the body and POSTs it; answers what happened, never fails. */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt came to: an HTTP status, or an error with no status; and how long it took. */
    public record Outcome(Integer status, String error, long latencyMs) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Vertx vertx;
    private final TargetPolicy policy;
    private final Tracer tracer;
    private final long timeoutMs;
    /**
     * Vert.x's client, on the event loops: no thread per exchange. (The JDK client completes every {@code sendAsync} on
     * the common pool, which on a two-core machine means a new thread per response.)
     */
    private final HttpClient http;

    public WebhookSender(Vertx vertx, WebhookConfig config, TargetPolicy policy, Tracer tracer) {
        this.vertx = vertx;
        this.policy = policy;
        this.tracer = tracer;
        this.timeoutMs = config.timeout().toMillis();
        // each subscription bounds its own requests (perTargetConcurrency); the pool only caps connections in all
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMs)
                .setKeepAlive(true).setMaxRedirects(0)
                // traced here, from the delivery's stored context: the consumer's context, current when a batch hands
                // deliveries over, is not the one each delivery belongs to
                .setTracingPolicy(TracingPolicy.IGNORE), new PoolOptions().setHttp1MaxSize(config.maxInFlight()));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** The attempt's outcome, once the exchange has ended (the target refused, the request failed, or a response read). */
    public CompletableFuture<Outcome> send(DueDelivery due) {
        String url = due.url();
        long startedAt = System.nanoTime();
        // resolving a host name blocks: off the event loop; an address is only parsed
        Future<TargetPolicy.Checked> checked = TargetPolicy.resolves(url) ? vertx.executeBlocking(() -> policy.check(url), false)
                : Future.succeededFuture(policy.check(url));
        return checked.compose(c -> c.refusal() != null ? Future.succeededFuture(new Answer(null, "target refused: " + c.refusal()))
                        : exchange(c.target(), due))
                .otherwise(failure -> new Answer(null, describe(failure)))
                .map(answer -> new Outcome(answer.status(), answer.error(), (System.nanoTime() - startedAt) / 1_000_000))
                .toCompletionStage().toCompletableFuture();
    }

    private record Answer(Integer status, String error) {
    }

    /**
     * One POST, signed, to the address the policy resolved and checked (not to whatever the name resolves to by the
     * time the connection opens); the URL's host still names the server (Host header, TLS SNI and certificate check).
     * The whole exchange (response body included) ends within the timeout or is reset.
     */
    private Future<Answer> exchange(TargetPolicy.Target target, DueDelivery due) {
        String eventId = due.eventId();
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSigner.sign(due.secret(), eventId, timestamp, body);
        if (due.previousSecret() != null && due.previousSecretUntil() != null && due.previousSecretUntil().toInstant().isAfter(Instant.now())) {
            // during a rotation's grace period both secrets sign, space-separated, so receivers can switch at will
            signature += " " + WebhookSigner.sign(due.previousSecret(), eventId, timestamp, body);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs)
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("webhook-id", eventId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .putHeader("user-agent", "rongtong-webhooks/1");
        Span span = span(due, target);
        if (span != null) {
            // the span's own context when tracing is on; with the SDK off the no-op span carries the event's ids on unchanged
            TraceContext sent = TraceContext.of(due.trace().context().with(span));
            options.putHeader(CloudEventHeaders.TRACEPARENT, sent.traceparent());
            if (sent.tracestate() != null) {
                options.putHeader(CloudEventHeaders.TRACESTATE, sent.tracestate());
            }
        }
        return http.request(options).compose(request -> {
            // the idle timeout alone would let a receiver that trickles bytes hold the slot for ever
            long deadline = vertx.setTimer(timeoutMs, t -> request.reset(0, new TimeoutException("timed out")));
            return request.send(Buffer.buffer(body))
                    .compose(response -> response.end().map(ended -> new Answer(response.statusCode(), null)))
                    .onComplete(done -> vertx.cancelTimer(deadline));
        }).onComplete(done -> ended(span, done.succeeded() ? done.result().status() : null, done.cause()));
    }

    /**
     * The delivery's client span, a child of the event's trace (the REST call that began it, through matching), and its
     * {@code traceparent} on the request so the receiver can continue it (ADR traces-across-kafka). None for an event
     * that came without a trace: a new trace per webhook would tell nobody anything.
     */
    private Span span(DueDelivery due, TargetPolicy.Target target) {
        if (due.trace() == null || !due.trace().present()) {
            return null;
        }
        return tracer.spanBuilder("POST webhook").setSpanKind(SpanKind.CLIENT).setParent(due.trace().context())
                .setAttribute("http.request.method", "POST").setAttribute("server.address", target.uri().getHost())
                .setAttribute("rongtong.webhook.event_id", due.eventId()).startSpan();
    }

    private static void ended(Span span, Integer status, Throwable failure) {
        if (span == null) {
            return;
        }
        if (status != null) {
            span.setAttribute("http.response.status_code", status);
        }
        if (failure != null || status == null || status >= 400) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /**
     * What the delivery log says of a failed exchange: a generic reason only. The exception's own text names addresses,
     * ports and resolver answers, and the log is read by the subscription's owner, who could otherwise map the
     * service's network by pointing a subscription at it.
     */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException
                || cause instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed";
        }
        if (cause instanceof java.net.ConnectException || cause instanceof java.net.NoRouteToHostException
                || cause instanceof java.net.UnknownHostException) {
            return "connection failed";
        }
        return "request failed";
    }
}
