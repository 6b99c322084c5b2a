package org.rongtong.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.events.CooperationField;
import org.rongtong.notification.service.StreamService;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;
import org.rongtong.web.validation.RegionCode;

import io.smallrye.mutiny.Multi;

@Path("/api/v1/stream")
@Tag(name = "Stream", description = "The live feed of events, as server-sent events")
public class StreamResource {

    private final StreamService stream;
    private final Caller caller;

    public StreamResource(StreamService stream, Caller caller) {
        this.stream = stream;
        this.caller = caller;
    }

    /**
     * Server-sent events: each event's {@code id} is what to send back as {@code Last-Event-ID} to resume, its
     * {@code event} the CloudEvents type, its data the CloudEvent in JSON structured mode. Filtered like a subscription,
     * within the caller's scope.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ENTERPRISE, Roles.BUREAU, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "streamEvents", summary = "The live feed of events in the caller's scope, as server-sent events (resume with Last-Event-ID)")
    @APIResponse(responseCode = "200", description = "An endless stream; each event as described",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = StreamEvent.class)))
    @APIResponse(responseCode = "429", description = "The caller has as many streams open as its quota allows")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("type") List<String> types,
            @QueryParam("regionPrefix") @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String regionPrefix,
            @QueryParam("chain") List<String> chains,
            @QueryParam("field") List<CooperationField> fields) {
        return stream.stream(caller, new SubscriptionFilter(types, regionPrefix, chains, fields), lastEventId)
                .map(item -> sse.newEventBuilder().id(item.id().toString()).name(item.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, item.payload()).build());
    }
}
