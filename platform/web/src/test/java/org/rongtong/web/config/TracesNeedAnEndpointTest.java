package org.rongtong.web.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

@Tag("unit")
class TracesNeedAnEndpointTest {

    private static boolean sdkDisabled(Map<String, String> given) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // what the extension declares: a default endpoint and an SDK that is on
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")
                .withDefaultValue(TracesNeedAnEndpoint.SDK_DISABLED, "false")
                .withSources(new PropertiesConfigSource(given, "test", 250))
                .withInterceptors(new TracesNeedAnEndpoint())
                .build();
        return config.getValue(TracesNeedAnEndpoint.SDK_DISABLED, Boolean.class);
    }

    @Test
    void withoutAnEndpointTheSdkIsOffDespiteTheDefaultEndpoint() {
        assertTrue(sdkDisabled(Map.of()));
    }

    @Test
    void anEndpointTurnsTheSdkOn() {
        assertFalse(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
        assertFalse(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces")));
        assertFalse(sdkDisabled(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317")));
    }

    @Test
    void anExplicitSettingWins() {
        assertFalse(sdkDisabled(Map.of(TracesNeedAnEndpoint.SDK_DISABLED, "false")));
        assertTrue(sdkDisabled(Map.of(TracesNeedAnEndpoint.SDK_DISABLED, "true", "quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
    }
}
