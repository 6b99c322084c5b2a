package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rongtong.matching.model.Candidate;

/**
 * The general rules that tell a profile that only looks like a fit (ADR 0011): a neighbouring but distinct process,
 * a lookalike pair of the thesaurus, or the asked capability offered in a business role the demand does not ask for
 * (its distributor, repairer, equipment maker, trainer, the builder of its facility). Each is a hard gate.
 */
final class LookalikeRules {

    private final Thesaurus thesaurus;

    LookalikeRules(Thesaurus thesaurus) {
        this.thesaurus = thesaurus;
    }

    /**
     * A neighbouring but distinct process offered instead of the asked one (压铸 for 注塑): a lookalike unless the
     * profile also meets the asked capabilities that name the group's asked member (or, when only the title names it,
     * any asked capability).
     */
    String distinctProcess(DemandTerms terms, Candidate c, Map<DemandTerms.Asked, Double> credits, double sum) {
        if (terms.distinct().isEmpty()) {
            return null;
        }
        List<String> offered = new ArrayList<>(c.capabilities);
        if (c.products != null) {
            offered.add(c.products);
        }
        DistinctProcesses.Conflict conflict = thesaurus.distinctProcesses().conflictIn(terms.distinct(), offered);
        if (conflict == null) {
            return null;
        }
        double best = -1;
        for (Map.Entry<DemandTerms.Asked, Double> e : credits.entrySet()) {
            String canonical = thesaurus.canonical(e.getKey().label());
            if (conflict.group().asked().stream().anyMatch(canonical::contains)) {
                best = Math.max(best, e.getValue());
            }
        }
        boolean meetsAsked = best >= 0 ? best >= 0.5 : sum > 0;
        return meetsAsked ? null : "offers " + conflict.offered() + ", a different process";
    }

    String of(DemandTerms terms, ProfileDocuments.Profile profile) {
        Candidate c = profile.candidate();
        if (!terms.lookalikes().isEmpty()) {
            String pair = DistinctProcesses.lookalikeIn(terms.lookalikes(), profile.offer());
            if (pair != null) {
                return pair;
            }
        }
        // most of what it offers is in a role the demand does not ask for (芯片分销, 泵阀维修, 端子压接机 for a harness
        // demand), and none of the rest is what was asked
        if (!c.capabilities.isEmpty()) {
            int seen = 0;
            int foreignTags = 0;
            List<String> others = new ArrayList<>();
            for (int i = 0; i < c.capabilities.size(); i++) {
                int foreign = profile.tagRoles()[i] & terms.foreignRoles();
                if (foreign != 0) {
                    foreignTags++;
                    seen |= foreign;
                } else {
                    others.add(c.capabilities.get(i));
                }
            }
            if (foreignTags * 2 >= c.capabilities.size() && others.stream().noneMatch(tag -> offersAsked(terms, tag))) {
                return "offers it as " + String.join("/", thesaurus.roleNames(seen)).toLowerCase(Locale.ROOT);
            }
        }
        // the asked concepts appear only in a role the demand does not ask for (MCU 代理 for an MCU design demand)
        int wrongRoles = 0;
        for (long e : profile.evidence()) {
            if (!terms.concepts().containsKey(Evidence.conceptOf(e)) || Evidence.fieldOf(e) == IndexFields.F_DESCRIPTION) {
                continue;
            }
            int foreign = Evidence.rolesOf(e) & terms.foreignRoles();
            if (foreign == 0) {
                return null;
            }
            wrongRoles |= foreign;
        }
        return wrongRoles == 0 ? null : "offers it as " + String.join("/", thesaurus.roleNames(wrongRoles)).toLowerCase(Locale.ROOT);
    }

    /** Whether one tag names an asked capability: a thesaurus concept of it, or the asked words themselves. */
    private boolean offersAsked(DemandTerms terms, String tag) {
        Map<Integer, Boolean> concepts = thesaurus.concepts(tag);
        String comparable = ThesaurusText.comparable(tag);
        for (DemandTerms.Asked a : terms.asked()) {
            if (comparable.contains(a.comparable()) || a.comparable().contains(comparable)
                    || a.concepts().keySet().stream().anyMatch(concepts::containsKey)) {
                return true;
            }
        }
        return false;
    }
}
