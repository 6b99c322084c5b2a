package org.rongtong.matching.service;

import static org.rongtong.matching.service.Evidence.*;

import static org.rongtong.matching.service.ThesaurusText.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capability thesaurus ({@code matching/thesaurus.tsv}, versioned with the code, extended by operators through
 * {@code rongtong.matching.thesaurus-files}): concepts with their synonyms and near-terms, groups of neighbouring but
 * distinct processes, business-role markers (a marker starting with {@code *} must end the phrase) and lookalike pairs.
 * See ADR 0011.
 * <p>
 * Text is searched for every form at once (forms bucketed by their first two characters), and each find is
 * {@linkplain #evidence evidence}: which concept, whether by a synonym or a near-term, in which field of the profile,
 * and under which business roles (代理, 维修, an equipment maker …) the clause around it speaks of.
 */
public final class Thesaurus {

    public static final String RESOURCE = "matching/thesaurus.tsv";
    private static final Thesaurus STANDARD = load(List.of());
    private static final int CACHE_LIMIT = 200_000;

    /** Words right after a capability that make the phrase its machine (注塑 + 机): the equipment maker's role. */
    private static final List<String> EQUIPMENT_SUFFIXES = List.of("机", "设备", "装备", "机床", "仪器", "仪", "试验箱", "生产线");
    static final String EQUIPMENT = "EQUIPMENT";

    public record Concept(String id, String canonical, List<String> synonyms, List<String> nearTerms) {
    }

    record Form(String text, int concept, boolean exact, boolean latin) {
    }

    private final String version;
    final List<Concept> concepts = new ArrayList<>();
    final Map<String, Integer> conceptById = new HashMap<>();
    /** forms by their first two characters; longest first within a bucket */
    final CharPairTable<Form> buckets = new CharPairTable<>();
    /** role markers that may stand anywhere, by their first two characters; and those that must end the phrase */
    final CharPairTable<Marker> markerBuckets = new CharPairTable<>();
    final List<Marker> suffixMarkers = new ArrayList<>();

    record Marker(String text, int bit) {
    }
    final List<String> roleNames = new ArrayList<>();
    /** The neighbouring but distinct processes and the lookalike pairs, with this thesaurus's canonical forms. */
    DistinctProcesses distinctProcesses;
    private final Map<String, String> canonicalCache = new ConcurrentHashMap<>();

    Thesaurus(String version) {
        this.version = version;
    }

    /** The thesaurus shipped with the code. */
    public static Thesaurus standard() {
        return STANDARD;
    }

    /** The shipped thesaurus plus the operator's files, read in order (a later concept id extends an earlier one). */
    public static Thesaurus load(List<Path> extraFiles) {
        return ThesaurusBuilder.load(extraFiles);
    }

    /** Parses thesaurus text (for tests). */
    static Thesaurus parse(String text) {
        return ThesaurusBuilder.parse(text);
    }

    /** The rules of neighbouring but distinct processes and of lookalikes. */
    public DistinctProcesses distinctProcesses() {
        return distinctProcesses;
    }

    public String version() {
        return version;
    }

    public int size() {
        return concepts.size();
    }

    public Concept concept(int index) {
        return concepts.get(index);
    }

    public int roleCount() {
        return roleNames.size();
    }

    public String roleName(int bit) {
        return roleNames.get(bit);
    }

    // ---- evidence ------------------------------------------------------------------------------------------------

    /**
     * Every concept found in a text, with the business roles of the clause it was found in (clauses end at ，。；
     * and similar). {@code baseRoles} apply to the whole text (the roles in an enterprise's name).
     */
    public void evidence(String text, int field, int baseRoles, List<Long> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String s = comparable(text);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || isClauseEnd(s.charAt(i))) {
                if (i > start) {
                    clause(s, start, i, field, baseRoles, out);
                }
                start = i + 1;
            }
        }
    }

    private void clause(String s, int from, int to, int field, int baseRoles, List<Long> out) {
        int clauseRoles = baseRoles | roles(s, from, to);
        // inside a find, only forms of the same concept count (精密注塑 then 注塑): 注射成型 inside 金属注射成型 is no
        // second capability
        int coveredUntil = from;
        int coveringConcept = -1;
        for (int i = from; i + 1 < to; i++) {
            Form[] forms = buckets.get(key(s.charAt(i), s.charAt(i + 1)));
            if (forms == null) {
                continue;
            }
            for (Form f : forms) {
                int end = i + f.text.length();
                if (i < coveredUntil && f.concept != coveringConcept) {
                    continue;
                }
                if (end <= to && s.startsWith(f.text, i) && (!f.latin || latinBoundary(s, i, end))) {
                    if (end > coveredUntil) {
                        coveredUntil = end;
                        coveringConcept = f.concept;
                    }
                    int roles = clauseRoles;
                    for (String suffix : EQUIPMENT_SUFFIXES) {
                        if (s.startsWith(suffix, end) && !isPartOfLongerWord(s, end, suffix)) {
                            roles |= roleBit(EQUIPMENT);
                            break;
                        }
                    }
                    out.add(pack(f.concept, field, f.exact, roles));
                    break; // the longest form at this position
                }
            }
        }
    }

    /** 机 in 机器人, 机构 or 机制 is not a machine. */
    private static boolean isPartOfLongerWord(String s, int at, String suffix) {
        if (!"机".equals(suffix) || at + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(at + 1);
        if (next == '制') { // 机制 (a mechanism), but 机制造 is making the machine
            return !(at + 2 < s.length() && s.charAt(at + 2) == '造');
        }
        return next == '器' || next == '构' || next == '理' || next == '会' || next == '遇' || next == '能' || next == '关' || next == '场';
    }

    /** The roles whose markers occur in a text (name, title, required capabilities), as a bit mask. */
    public int roles(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String s = comparable(text);
        return roles(s, 0, s.length());
    }

    private int roles(String s, int from, int to) {
        int mask = 0;
        int endingRoles = 0;
        int endingStart = to;
        for (int i = from; i + 1 < to; i++) {
            Marker[] markers = markerBuckets.get(key(s.charAt(i), s.charAt(i + 1)));
            if (markers != null) {
                for (Marker m : markers) {
                    if (i + m.text.length() <= to && s.startsWith(m.text, i)) {
                        mask |= m.bit;
                        if (i + m.text.length() == to) {
                            endingRoles |= m.bit;
                            endingStart = Math.min(endingStart, i);
                        }
                    }
                }
            }
        }
        // "*代理": the phrase ends with it (MCU代理), which a bare 代理 inside 专利代理服务 does not; nor does the 代理 of
        // 专利代理, where a longer marker of another role (consulting) ends the phrase
        for (Marker m : suffixMarkers) {
            int at = to - m.text.length();
            if (at >= from && s.startsWith(m.text, at) && !(endingRoles != 0 && (endingRoles & m.bit) == 0 && endingStart < at)) {
                mask |= m.bit;
            }
        }
        return mask;
    }

    int roleBit(String name) {
        int i = roleNames.indexOf(name);
        return i < 0 ? 0 : 1 << i;
    }

    /** Names of the roles in a mask, for reasons. */
    public List<String> roleNames(int mask) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < roleNames.size(); r++) {
            if ((mask & (1 << r)) != 0) {
                out.add(roleNames.get(r));
            }
        }
        return out;
    }

    /** The concepts a text names, index → exact (a synonym) or not (only a near-term). */
    public Map<Integer, Boolean> concepts(String text) {
        List<Long> found = new ArrayList<>();
        evidence(text, 0, 0, found);
        Map<Integer, Boolean> out = new LinkedHashMap<>();
        for (long e : found) {
            out.merge(conceptOf(e), exactOf(e), Boolean::logicalOr);
        }
        return out;
    }

    // ---- tags ----------------------------------------------------------------------------------------------------

    /** NFKC, lower case, no spaces, every synonym replaced by its concept's canonical form: 注射成型 → 注塑. */
    public String canonical(String tag) {
        String c = canonicalCache.get(tag);
        if (c != null) {
            return c;
        }
        String s = canonicalUncached(comparable(tag));
        if (canonicalCache.size() < CACHE_LIMIT) {
            canonicalCache.put(tag, s);
        }
        return s;
    }

    /** Left to right, the longest synonym at each position replaced by its canonical form (near-terms stay as they are). */
    private String canonicalUncached(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i + 1 < s.length(); i++) {
            Form[] forms = buckets.get(key(s.charAt(i), s.charAt(i + 1)));
            if (forms == null) {
                continue;
            }
            for (Form f : forms) {
                if (f.exact && s.startsWith(f.text, i) && (!f.latin || latinBoundary(s, i, i + f.text.length()))) {
                    String canonical = concepts.get(f.concept).canonical();
                    if (!canonical.equals(f.text)) {
                        if (out == null) {
                            out = new StringBuilder(s.length() + 8);
                        }
                        out.append(s, copied, i).append(canonical);
                        copied = i + f.text.length();
                    }
                    i += f.text.length() - 1;
                    break;
                }
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }
}
