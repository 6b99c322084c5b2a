package org.rongtong.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One server-sent event of {@code GET /api/v1/stream}, as the OpenAPI document describes it (never instantiated). */
@Schema(name = "StreamEvent", description = "One server-sent event: the id, event and data lines of text/event-stream")
public record StreamEvent(
        @Schema(required = true, description = "Send it back as Last-Event-ID to resume after this event") String id,
        @Schema(required = true, description = "The CloudEvents type, such as rongtong.matching.demand.matched.v1") String event,
        @Schema(required = true, description = "The CloudEvent in JSON structured mode (specversion, id, source, type, time, data), as text; docs/asyncapi.yaml gives each type's data") String data) {
}
