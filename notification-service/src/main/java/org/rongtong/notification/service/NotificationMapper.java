package org.rongtong.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.rongtong.events.CloseReason;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.notification.model.Notification;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.rest.NotificationView;
import org.rongtong.ids.UuidV7;

/** The one place where events become notifications and notifications become API views. */
public final class NotificationMapper {

    /** notification.title is VARCHAR(300), in characters. */
    static final int TITLE_MAX = 300;
    /**
     * A demand title or enterprise name quoted in a title keeps at most this many characters: two of them and the longest
     * fixed text (some 30 characters) fit {@link #TITLE_MAX} by construction; the full ones are in the body and the API.
     */
    static final int QUOTED_MAX = 120;

    private NotificationMapper() {
    }

    /** {@code text} cut to {@link #QUOTED_MAX} characters (code points, as PostgreSQL counts them), marked with an ellipsis. */
    static String clip(String text) {
        return clip(text, QUOTED_MAX);
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
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
        if (firstForDemand && event.candidates().isEmpty()) {
            // no fit yet: the publisher should know the demand was read and is still open to later registrations
            out.add(enterprise(event, eventId, event.publisherId(), now, "需求「" + clip(event.title()) + "」暂无匹配的候选企业",
                    "No registered enterprise fits your demand yet. It stays open: enterprises that register or update later are"
                            + " matched to it and you will be told."));
        } else {
            out.add(enterprise(event, eventId, event.publisherId(), now, "需求「" + clip(event.title()) + "」" + verb + count + " 家候选企业",
                    "Your demand has " + count + (firstForDemand ? "" : " new") + " ranked candidate(s); see /api/v1/demands/"
                            + event.demandId() + "/matches"));
        }
        for (DemandMatched.Candidate c : fresh) {
            out.add(enterprise(event, eventId, c.enterpriseId(), now, "您被推荐为需求「" + clip(event.title()) + "」的候选企业（第 " + c.rank() + " 名）",
                    "A chain leader's demand in " + event.field() + " on chain " + event.chain() + " matches your profile (score "
                            + c.score() + "); answer with interest or decline."));
        }
        // bureaus (Viewer): those covering the publisher's region hear of the whole demand; those covering a candidate's
        // region, of the candidates registered there only (each region's own notification)
        if (event.publisherRegionCode() != null) {
            Notification bureau = base(event, eventId, now, "辖区需求「" + clip(event.title()) + "」" + verb + count + " 家候选企业",
                    "Demand " + event.demandId() + " published in region " + event.publisherRegionCode() + " (" + event.field()
                            + ", chain " + event.chain() + ") has " + count + (firstForDemand ? "" : " new") + " candidate(s).");
            bureau.recipientKind = RecipientKind.BUREAU;
            bureau.regionCode = event.publisherRegionCode();
            out.add(bureau);
        }
        Map<String, List<DemandMatched.Candidate>> byRegion = new TreeMap<>();
        fresh.stream().filter(c -> c.regionCode() != null && !c.regionCode().equals(event.publisherRegionCode()))
                .forEach(c -> byRegion.computeIfAbsent(c.regionCode(), r -> new ArrayList<>()).add(c));
        byRegion.forEach((region, candidates) -> {
            String names = String.join("、", candidates.stream().map(DemandMatched.Candidate::enterpriseName).toList());
            Notification bureau = base(event, eventId, now, "辖区企业被推荐为需求「" + clip(event.title()) + "」的候选企业（" + candidates.size() + " 家）",
                    "Enterprises registered in region " + region + " are candidates for demand " + event.demandId() + " ("
                            + event.field() + ", chain " + event.chain() + "): " + names + ".");
            bureau.recipientKind = RecipientKind.BUREAU;
            bureau.regionCode = region;
            bureau.publisherRegion = event.publisherRegionCode();
            out.add(bureau);
        });
        return out;
    }

    /**
     * A move in a match's lifecycle tells the side that has to act next or has been answered: the publisher hears of a
     * candidate's interest or refusal; the candidate hears whether it was shortlisted, rejected or confirmed; a
     * confirmation (a cooperation, which the programme's KPIs count) also reaches the bureaus covering the demand.
     */
    static List<Notification> forMatchChanged(String eventId, String type, MatchChanged m) {
        Instant now = Instant.now();
        String title = "「" + clip(m.title()) + "」";
        String who = "「" + clip(m.enterpriseName()) + "」";
        String match = "/api/v1/matches/" + m.matchId();
        List<Notification> out = new ArrayList<>();
        switch (m.status()) {
            case INTERESTED -> out.add(enterprise(m, eventId, type, m.publisherId(), now, who + "对需求" + title + "表示有意向",
                    m.enterpriseName() + " is interested in your demand" + (MatchChanged.VIA_PROPOSAL.equals(m.via()) ? " (by a proposal)" : "")
                            + "; shortlist or reject at " + match + "/shortlist|reject."));
            case DECLINED -> out.add(enterprise(m, eventId, type, m.publisherId(), now, who + "谢绝了需求" + title,
                    m.enterpriseName() + " declined your demand" + note(m) + "."));
            case SHORTLISTED -> out.add(enterprise(m, eventId, type, m.enterpriseId(), now, "贵方已入围需求" + title,
                    "The chain leader shortlisted you for this demand" + note(m) + "; see " + match + "."));
            case REJECTED -> out.add(enterprise(m, eventId, type, m.enterpriseId(), now, "需求" + title + "未选择贵方",
                    "The chain leader chose other candidates for this demand" + note(m) + "."));
            case COOPERATING -> {
                out.add(enterprise(m, eventId, type, m.enterpriseId(), now, "需求" + title + "已确认与贵方合作",
                        "The chain leader confirmed the cooperation" + note(m) + "; see " + match + "."));
                // the bureaus of the publisher's region, and those of the candidate's when it is registered elsewhere
                String body = "Demand " + m.demandId() + " (" + m.field() + ", chain " + m.chain() + ") now cooperates with "
                        + m.enterpriseName() + " (" + m.enterpriseId() + ").";
                if (m.publisherRegionCode() != null) {
                    Notification bureau = base(m.demandId(), eventId, type, now, "辖区对接成功：" + title + " — " + clip(m.enterpriseName()), body);
                    bureau.recipientKind = RecipientKind.BUREAU;
                    bureau.regionCode = m.publisherRegionCode();
                    out.add(bureau);
                }
                if (m.enterpriseRegionCode() != null && !m.enterpriseRegionCode().equals(m.publisherRegionCode())) {
                    Notification bureau = base(m.demandId(), eventId, type, now, "辖区企业对接成功：" + title + " — " + clip(m.enterpriseName()), body);
                    bureau.recipientKind = RecipientKind.BUREAU;
                    bureau.regionCode = m.enterpriseRegionCode();
                    bureau.publisherRegion = m.publisherRegionCode();
                    out.add(bureau);
                }
            }
            case ENDED -> {
                // the platform ended a live match (ADR 0015): the side that did not cause it is told
                if (m.endReason() == CloseReason.ENTERPRISE_DEACTIVATED) {
                    out.add(enterprise(m, eventId, type, m.publisherId(), now, who + "已退出对接，需求" + title + "的该项对接终止",
                            m.enterpriseName() + " was deactivated; its candidacy for your demand ended (it was " + m.previousStatus() + ")."));
                } else {
                    out.add(enterprise(m, eventId, type, m.enterpriseId(), now, "需求" + title + ended(m.endReason()) + "，对接终止",
                            "The demand " + reason(m.endReason()) + "; your candidacy (" + m.previousStatus() + ") ended; see " + match + "."));
                }
            }
            default -> {
                // PROPOSED is never the status after a move; nothing to tell
            }
        }
        return out;
    }

    private static String ended(CloseReason reason) {
        return reason == CloseReason.DEMAND_WITHDRAWN ? "已撤回" : reason == CloseReason.DEMAND_EXPIRED ? "已过期" : "已关闭";
    }

    private static String reason(CloseReason reason) {
        return reason == CloseReason.DEMAND_WITHDRAWN ? "was withdrawn" : reason == CloseReason.DEMAND_EXPIRED ? "expired" : "was closed";
    }

    private static String note(MatchChanged m) {
        return m.note() == null || m.note().isBlank() ? "" : " — \"" + m.note() + "\"";
    }

    private static Notification enterprise(MatchChanged m, String eventId, String type, UUID enterpriseId, Instant now, String title, String body) {
        Notification n = base(m.demandId(), eventId, type, now, title, body);
        n.recipientKind = RecipientKind.ENTERPRISE;
        n.enterpriseId = enterpriseId;
        return n;
    }

    private static Notification enterprise(DemandMatched event, String eventId, UUID enterpriseId, Instant now, String title, String body) {
        Notification n = base(event, eventId, now, title, body);
        n.recipientKind = RecipientKind.ENTERPRISE;
        n.enterpriseId = enterpriseId;
        return n;
    }

    private static Notification base(DemandMatched event, String eventId, Instant now, String title, String body) {
        return base(event.demandId(), eventId, EventTypes.DEMAND_MATCHED, now, title, body);
    }

    private static Notification base(UUID demandId, String eventId, String type, Instant now, String title, String body) {
        Notification n = new Notification();
        n.id = UuidV7.next();
        n.eventId = eventId;
        n.eventType = type;
        n.demandId = demandId;
        n.title = clip(title, TITLE_MAX); // a guard: every template above fits already
        n.body = body;
        n.createdAt = now;
        return n;
    }

    static NotificationView toView(Notification n) {
        return new NotificationView(n.id, n.recipientKind.name(), n.enterpriseId, n.regionCode,
                n.eventType, n.demandId, n.title, n.body, n.createdAt, n.readAt);
    }
}
