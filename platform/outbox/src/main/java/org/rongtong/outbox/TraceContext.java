package org.rongtong.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C Trace Context ({@code traceparent}, {@code tracestate}) as text, to keep with an event or a delivery and carry
 * across a hop that OpenTelemetry does not instrument (the outbox table, the webhook queue). Both null: no trace.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : "traceparent".equals(key) ? carrier.traceparent : "tracestate".equals(key) ? carrier.tracestate : null;
        }
    };

    /** The current span's context (the REST call's, the consumed record's); {@link #NONE} when there is none. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The trace a record carried in its headers; {@link #NONE} when it carried none. */
    public static TraceContext of(String traceparent, String tracestate) {
        return traceparent == null ? NONE : new TraceContext(traceparent, tracestate);
    }

    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, Map::put);
        String state = headers.get("tracestate");
        return new TraceContext(headers.get("traceparent"), state == null || state.isEmpty() ? null : state);
    }

    /** An OpenTelemetry context with this trace as the remote parent (the root context when there is none). */
    public Context context() {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), this, GETTER);
    }

    public boolean present() {
        return traceparent != null;
    }
}
