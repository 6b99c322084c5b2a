package org.rongtong.matching.service;

import static org.rongtong.matching.service.ThesaurusText.comparable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The thesaurus's rules of what is not a match though it looks like one: groups of neighbouring but distinct processes
 * (注塑 is not 压铸) and lookalike pairs (a term that must not be taken for the wanted one). ADR 0011.
 */
public final class DistinctProcesses {

    private final List<List<String>> groups;
    private final List<String[]> lookalikes;
    private final UnaryOperator<String> canonical;

    DistinctProcesses(List<List<String>> groups, List<String[]> lookalikes, UnaryOperator<String> canonical) {
        this.groups = List.copyOf(groups);
        this.lookalikes = List.copyOf(lookalikes);
        this.canonical = canonical;
    }

    /** A group of distinct processes, with the members a demand asks for. */
    public record Group(List<String> members, Set<String> asked) {
    }

    /** The groups of distinct processes that a demand's capabilities and title ask a member of (usually none or one). */
    public List<Group> groupsAsked(List<String> asked) {
        List<String> need = asked.stream().map(canonical).toList();
        List<Group> out = new ArrayList<>();
        for (List<String> processes : groups) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String p : processes) {
                if (need.stream().anyMatch(n -> n.contains(p))) {
                    wanted.add(p);
                }
            }
            if (!wanted.isEmpty() && wanted.size() < processes.size()) {
                out.add(new Group(processes, wanted));
            }
        }
        return out;
    }

    /** A distinct process offered instead of the asked one, and the group they belong to. */
    public record Conflict(Group group, String offered) {
    }

    /**
     * The distinct process the profile offers instead of the one the demand asks for (注塑 asked, only 压铸 offered),
     * or null when there is no such conflict.
     */
    public Conflict conflictIn(List<Group> groups, List<String> offered) {
        if (groups.isEmpty()) {
            return null;
        }
        List<String> have = offered.stream().map(canonical).toList();
        for (Group group : groups) {
            boolean hasWanted = group.asked().stream().anyMatch(p -> have.stream().anyMatch(h -> h.contains(p)));
            if (hasWanted) {
                continue;
            }
            for (String p : group.members()) {
                if (!group.asked().contains(p) && have.stream().anyMatch(h -> h.contains(p))) {
                    return new Conflict(group, p);
                }
            }
        }
        return null;
    }

    /** The distinct process offered instead of the asked one, or null (both sides as text lists). */
    public String conflictOf(List<String> asked, List<String> offered) {
        Conflict c = conflictIn(groupsAsked(asked), offered);
        return c == null ? null : c.offered();
    }

    /** The lookalike pairs whose wanted term a demand's text names (and not the lookalike itself). */
    public List<String[]> lookalikesFor(String demandText) {
        String d = comparable(demandText);
        List<String[]> out = new ArrayList<>();
        for (String[] pair : lookalikes) {
            if (d.contains(pair[0]) && !d.contains(pair[1])) {
                out.add(pair);
            }
        }
        return out;
    }

    /**
     * A lookalike pair that applies to a profile's offer (already in comparable form): it names the term that must not
     * be taken for the wanted one, and not the wanted one elsewhere. Returns {@code "wanted ≠ lookalike (relation)"} or
     * null.
     */
    public static String lookalikeIn(List<String[]> pairs, String o) {
        if (pairs.isEmpty()) {
            return null;
        }
        for (String[] pair : pairs) {
            if (o.contains(pair[1]) && !o.replace(pair[1], "").contains(pair[0])) {
                return pair[0] + " ≠ " + pair[1] + " (" + pair[2] + ")";
            }
        }
        return null;
    }
}
