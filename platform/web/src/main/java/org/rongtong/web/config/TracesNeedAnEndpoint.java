package org.rongtong.web.config;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Traces are exported over OTLP only when an endpoint is configured, and the OpenTelemetry SDK is off otherwise
 * (ADR traces-across-kafka): {@code quarkus.otel.sdk.disabled} reads as {@code true} unless
 * {@code quarkus.otel.exporter.otlp[.traces].endpoint} (or {@code OTEL_EXPORTER_OTLP[_TRACES]_ENDPOINT}) is set. The
 * extension's own default endpoint (localhost:4317) does not count: tests and the local stack would spend their time
 * and their logs on a collector that is not there. An explicit {@code quarkus.otel.sdk.disabled} always wins.
 */
@Priority(Priorities.APPLICATION)
public class TracesNeedAnEndpoint implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[] ENDPOINTS = {
            "quarkus.otel.exporter.otlp.traces.endpoint", "quarkus.otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.endpoint" };

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || given(value)) {
            return value;
        }
        for (String endpoint : ENDPOINTS) {
            if (given(context.proceed(endpoint))) {
                return value;
            }
        }
        return ConfigValue.builder().withName(name).withValue("true").withConfigSourceName(getClass().getSimpleName())
                .withConfigSourceOrdinal(0).build();
    }

    /** Set by someone: any real source (properties, environment, system properties), not a default value (ordinal MIN_VALUE). */
    private static boolean given(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank() && value.getConfigSourceOrdinal() > 0;
    }
}
