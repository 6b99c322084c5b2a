package org.rongtong.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.notification.model.Notification;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.rest.NotificationView;
import org.rongtong.outbox.UuidV7;

/** The one place where events become notifications and notifications become API views. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    /**
     * @param fresh the event's candidates not notified for this demand before; a later event for the same demand
     *              (reverse matching re-sends the full list) notifies only these, and says so
     */
    static List<Notification> forDemandMatched(String eventId, DemandMatched event, List<DemandMatched.Candidate> fresh,
            boolean firstForDemand) {
        Instant now = Instant.now();
        List<Notification> out = new ArrayList<>();
        int count = fresh.size();
        String verb = firstForDemand ? "已匹配 " : "新增 ";
        out.add(enterprise(event, eventId, event.publisherId(), now, "需求「" + event.title() + "」" + verb + count + " 家候选企业",
                "Your demand has " + count + (firstForDemand ? "" : " new") + " ranked candidate(s); see /api/v1/demands/"
                        + event.demandId() + "/matches"));
        for (DemandMatched.Candidate c : fresh) {
            out.add(enterprise(event, eventId, c.enterpriseId(), now, "您被推荐为需求「" + event.title() + "」的候选企业（第 " + c.rank() + " 名）",
                    "A chain leader's demand in " + event.field() + " on chain " + event.chain() + " matches your profile (score "
                            + c.score() + "); answer with interest or decline."));
        }
        if (event.regionCode() != null) {
            Notification bureau = base(event, eventId, now, "辖区需求「" + event.title() + "」" + verb + count + " 家候选企业",
                    "Demand " + event.demandId() + " in region " + event.regionCode() + " (" + event.field() + ", chain "
                            + event.chain() + ") has " + count + " candidate(s).");
            bureau.recipientKind = RecipientKind.BUREAU;
            bureau.regionCode = event.regionCode();
            out.add(bureau);
        }
        return out;
    }

    private static Notification enterprise(DemandMatched event, String eventId, UUID enterpriseId, Instant now, String title, String body) {
        Notification n = base(event, eventId, now, title, body);
        n.recipientKind = RecipientKind.ENTERPRISE;
        n.enterpriseId = enterpriseId;
        return n;
    }

    private static Notification base(DemandMatched event, String eventId, Instant now, String title, String body) {
        Notification n = new Notification();
        n.id = UuidV7.next();
        n.eventId = eventId;
        n.eventType = EventTypes.DEMAND_MATCHED;
        n.demandId = event.demandId();
        n.title = title;
        n.body = body;
        n.createdAt = now;
        return n;
    }

    static NotificationView toView(Notification n) {
        return new NotificationView(n.id, n.recipientKind.name(), n.enterpriseId, n.regionCode,
                n.eventType, n.demandId, n.title, n.body, n.createdAt, n.readAt);
    }
}
