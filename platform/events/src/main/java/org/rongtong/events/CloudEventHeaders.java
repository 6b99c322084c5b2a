package org.rongtong.events;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} record headers. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * W3C Trace Context of the change that produced the event, as plain headers (not {@code ce_traceparent}): the
     * CloudEvents distributed-tracing extension defers to the transport's own trace headers, and these are the ones
     * OpenTelemetry's Kafka instrumentation reads.
     */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
