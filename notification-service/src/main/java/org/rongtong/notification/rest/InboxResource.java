package org.rongtong.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.notification.service.InboxService;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Paging;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The caller's notifications, read and unread")
public class InboxResource {

    private final InboxService inbox;
    private final Caller caller;

    public InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.BUREAU, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "listInbox", summary = "The caller's notifications, newest first (an operator or partner names enterpriseId)")
    public Uni<Page<NotificationView>> list(@QueryParam("enterpriseId") UUID enterpriseId,
            @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("eventType") String eventType,
            @QueryParam("demandId") UUID demandId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return inbox.inbox(caller, enterpriseId, unreadOnly, eventType, demandId, page, size);
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({Roles.ENTERPRISE, Roles.BUREAU, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read")
    public Uni<NotificationView> markRead(@PathParam("id") UUID id) {
        return inbox.markRead(caller, id, true);
    }

    @DELETE
    @Path("/{id}/read")
    @RolesAllowed({Roles.ENTERPRISE, Roles.BUREAU, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "markNotificationUnread", summary = "Mark a notification unread")
    public Uni<NotificationView> markUnread(@PathParam("id") UUID id) {
        return inbox.markRead(caller, id, false);
    }
}
