package org.rongtong.local;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rongtong.local.generator.ProgrammeGenerator;
import org.rongtong.local.generator.ProgrammeGenerator.Profile;
import org.rongtong.testing.DevTokens;

/**
 * The demonstration's matchmaking sessions, recorded by the operator: the Qingdao session of 2022-06-27 for every
 * flagship chain with all 20 leaders (ADR 0025), this year's sessions held across the province's cities, and two still
 * to come.
 */
final class DemoSessions {

    private final StackClient client;

    DemoSessions(StackClient client) {
        this.client = client;
    }

    /** Schedules them all, over the loaded profiles (import order, their ids alike) and demands; returns how many were held. */
    int hold(List<Profile> profiles, List<String> ids, List<DemoProgramme.Demand> demands) {
        String operator = DevTokens.operator();
        List<String> applianceDemands = demands.stream().filter(d -> d.leaderId().equals(ids.get(0))).map(DemoProgramme.Demand::id).toList();
        int held = 0;
        held += session(operator, "百场万企·山东省标志性产业链链主企业与专精特新中小企业融通对接活动（青岛专场）", LocalDate.of(2022, 6, 27), "3702",
                "青岛国际会展中心", ProgrammeGenerator.chains(), ids.subList(0, DemoProgramme.LEADERS), applianceDemands, true);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String[][] cities = {{"3701", "济南"}, {"3706", "烟台"}, {"3707", "潍坊"}, {"3703", "淄博"}, {"3708", "济宁"}, {"3713", "临沂"}};
        for (int i = 0; i < cities.length; i++) {
            // spread over this year up to today, all in this calendar year
            LocalDate date = today.minusDays((long) (today.getDayOfYear() - 1) * i / cities.length);
            List<String> leaders = leadersIn(profiles, ids, cities[i][0]);
            List<String> chains = leaders.isEmpty() ? List.of(ProgrammeGenerator.chains().get(i % 9))
                    : leaders.stream().map(id -> profiles.get(ids.indexOf(id)).chains().get(0)).distinct().toList();
            held += session(operator, "百场万企·" + cities[i][1] + "市产业链融通对接会", date, cities[i][0], cities[i][1] + "市会展中心", chains, leaders,
                    demands.stream().filter(d -> leaders.contains(d.leaderId())).map(DemoProgramme.Demand::id).toList(), true);
        }
        session(operator, "百场万企·威海市海洋产业链融通对接会", today.plusDays(21), "3710", "威海国际会展中心", List.of("MARINE_ECONOMY"), List.of(),
                List.of(), false);
        session(operator, "百场万企·日照市高端装备产业链融通对接会", today.plusDays(45), "3711", "日照会展中心", List.of("HIGH_END_EQUIPMENT"), List.of(),
                List.of(), false);
        return held;
    }

    private static List<String> leadersIn(List<Profile> profiles, List<String> ids, String prefecture) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < DemoProgramme.LEADERS; i++) {
            if (profiles.get(i).regionCode().startsWith(prefecture)) {
                found.add(ids.get(i));
            }
        }
        return found;
    }

    private int session(String token, String name, LocalDate date, String region, String venue, List<String> chains, List<String> participants,
            List<String> demandIds, boolean hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("date", date.toString());
        body.put("regionCode", region);
        body.put("venue", venue);
        body.put("chains", chains);
        body.put("participantIds", participants);
        body.put("demandIds", demandIds);
        StackClient.Reply scheduled = client.post(Service.DEMAND, "/api/v1/sessions", token, body);
        if (scheduled.status() != 201) {
            throw new IllegalStateException("Scheduling " + name + " failed: " + scheduled.status() + " " + scheduled.body());
        }
        if (!hold) {
            return 0;
        }
        StackClient.Reply done = client.post(Service.DEMAND, "/api/v1/sessions/" + scheduled.body().get("id").asText() + "/hold", token, Map.of());
        if (done.status() != 200) {
            throw new IllegalStateException("Holding " + name + " failed: " + done.status() + " " + done.body());
        }
        return 1;
    }
}
