package org.rongtong.matching.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rongtong.web.validation.Tags;

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

    private record Form(String text, int concept, boolean exact, boolean latin) {
    }

    private final String version;
    private final List<Concept> concepts = new ArrayList<>();
    private final Map<String, Integer> conceptById = new HashMap<>();
    /** forms by their first two characters; longest first within a bucket */
    private final CharPairTable<Form> buckets = new CharPairTable<>();
    /** role markers that may stand anywhere, by their first two characters; and those that must end the phrase */
    private final CharPairTable<Marker> markerBuckets = new CharPairTable<>();
    private final List<Marker> suffixMarkers = new ArrayList<>();

    private record Marker(String text, int bit) {
    }
    private final List<List<String>> distinct = new ArrayList<>();
    private final List<String> roleNames = new ArrayList<>();
    private final List<String[]> lookalikes = new ArrayList<>();
    private final Map<String, String> canonicalCache = new ConcurrentHashMap<>();

    private Thesaurus(String version) {
        this.version = version;
    }

    /** The thesaurus shipped with the code. */
    public static Thesaurus standard() {
        return STANDARD;
    }

    /** The shipped thesaurus plus the operator's files, read in order (a later concept id extends an earlier one). */
    public static Thesaurus load(List<Path> extraFiles) {
        Builder b = new Builder();
        try (InputStream in = Thesaurus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            b.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
            for (Path extra : extraFiles) {
                try (BufferedReader r = Files.newBufferedReader(extra, StandardCharsets.UTF_8)) {
                    b.read(r, extra.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** Parses thesaurus text (for tests). */
    static Thesaurus parse(String text) {
        Builder b = new Builder();
        try {
            b.read(new BufferedReader(new java.io.StringReader(text)), "text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
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
     * One find of a concept in a text, packed into a long: concept index (bits 32+), field (bits 24–27), exact synonym
     * (bit 20), business roles of its clause (bits 0–15). Packed, so that a million indexed profiles keep theirs cheaply.
     */
    public static long pack(int concept, int field, boolean exact, int roles) {
        return ((long) concept << 32) | ((long) (field & 0xF) << 24) | (exact ? 1L << 20 : 0) | (roles & 0xFFFF);
    }

    public static int conceptOf(long evidence) {
        return (int) (evidence >>> 32);
    }

    public static int fieldOf(long evidence) {
        return (int) (evidence >>> 24) & 0xF;
    }

    public static boolean exactOf(long evidence) {
        return (evidence & (1L << 20)) != 0;
    }

    public static int rolesOf(long evidence) {
        return (int) (evidence & 0xFFFF);
    }

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

    /** A group of distinct processes, with the members a demand asks for. */
    public record DistinctGroup(List<String> members, Set<String> asked) {
    }

    /** The groups of distinct processes that a demand's capabilities and title ask a member of (usually none or one). */
    public List<DistinctGroup> distinctGroupsAsked(List<String> asked) {
        List<String> need = asked.stream().map(this::canonical).toList();
        List<DistinctGroup> out = new ArrayList<>();
        for (List<String> processes : distinct) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String p : processes) {
                if (need.stream().anyMatch(n -> n.contains(p))) {
                    wanted.add(p);
                }
            }
            if (!wanted.isEmpty() && wanted.size() < processes.size()) {
                out.add(new DistinctGroup(processes, wanted));
            }
        }
        return out;
    }

    /**
     * The distinct process the profile offers instead of the one the demand asks for (注塑 asked, only 压铸 offered),
     * or null when there is no such conflict.
     */
    /** A distinct process offered instead of the asked one, and the group they belong to. */
    public record Conflict(DistinctGroup group, String offered) {
    }

    public Conflict conflictIn(List<DistinctGroup> groups, List<String> offered) {
        if (groups.isEmpty()) {
            return null;
        }
        List<String> have = offered.stream().map(this::canonical).toList();
        for (DistinctGroup group : groups) {
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
        Conflict c = conflictIn(distinctGroupsAsked(asked), offered);
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

    /** NFKC, lower case, no spaces; text already in that form (most Chinese text) is returned as it is. */
    public static String comparable(String tag) {
        if (tag == null) {
            return "";
        }
        for (int i = 0; i < tag.length(); i++) {
            if (!alreadyComparable(tag.charAt(i))) {
                return Tags.normalise(tag).toLowerCase(Locale.ROOT).replace(" ", "");
            }
        }
        return tag;
    }

    /** Characters NFKC and lower-casing leave as they are and that are not spaces: CJK ideographs, ASCII, CJK punctuation. */
    private static boolean alreadyComparable(char c) {
        return c >= 0x4E00 && c <= 0x9FFF || c > ' ' && c < 0x7F && (c < 'A' || c > 'Z') || c >= 0x3001 && c <= 0x303F
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '·';
    }

    private static boolean isClauseEnd(char c) {
        return c == '，' || c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n'
                || c == ',' || c == '|';
    }

    private static boolean latinBoundary(String s, int from, int to) {
        return (from == 0 || !isLatinAlnum(s.charAt(from - 1))) && (to >= s.length() || !isLatinAlnum(s.charAt(to)));
    }

    private static boolean isLatinAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static int key(char a, char b) {
        return (a << 16) | b;
    }

    // ---- loading -------------------------------------------------------------------------------------------------

    private static final class Builder {
        private String version = "unversioned";
        private final Map<String, List<String>> synonyms = new LinkedHashMap<>();
        private final Map<String, List<String>> near = new LinkedHashMap<>();
        private final List<List<String>> distinct = new ArrayList<>();
        private final Map<String, Set<String>> roles = new LinkedHashMap<>();
        private final List<String[]> lookalikes = new ArrayList<>();

        void read(BufferedReader reader, String source) throws IOException {
            int n = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                switch (cols[0].strip()) {
                    case "version" -> version = cols[1].strip();
                    case "concept" -> {
                        require(cols, 4, source, n);
                        String id = cols[1].strip();
                        synonyms.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list(cols[3]));
                        near.computeIfAbsent(id, k -> new ArrayList<>()).addAll(cols.length > 4 ? list(cols[4]) : List.of());
                    }
                    case "distinct" -> {
                        require(cols, 2, source, n);
                        distinct.add(list(cols[1]));
                    }
                    case "role" -> {
                        require(cols, 3, source, n);
                        roles.computeIfAbsent(cols[1].strip(), k -> new LinkedHashSet<>()).addAll(list(cols[2]));
                    }
                    case "lookalike" -> {
                        require(cols, 3, source, n);
                        lookalikes.add(new String[] {comparable(cols[1].strip()), comparable(cols[2].strip()),
                                cols.length > 3 ? cols[3].strip() : "OTHER"});
                    }
                    default -> throw new IllegalArgumentException(source + ":" + n + ": unknown record type " + cols[0]);
                }
            }
        }

        private static void require(String[] cols, int n, String source, int line) {
            if (cols.length < n) {
                throw new IllegalArgumentException(source + ":" + line + ": expected " + n + " tab-separated columns");
            }
        }

        private static List<String> list(String col) {
            List<String> out = new ArrayList<>();
            for (String s : col.split("[,，]")) {
                String stripped = s.strip();
                String c = stripped.startsWith("*") ? "*" + comparable(stripped.substring(1)) : comparable(stripped);
                if (c.length() >= 2 && !c.equals("**")) {
                    out.add(c);
                }
            }
            return out;
        }

        Thesaurus build() {
            Thesaurus t = new Thesaurus(version);
            roles.putIfAbsent(EQUIPMENT, new LinkedHashSet<>());
            Map<Integer, List<Marker>> markersByKey = new HashMap<>();
            if (roles.size() > 16) {
                throw new IllegalArgumentException("at most 16 roles, not " + roles.size());
            }
            roles.forEach((name, markers) -> {
                if (t.roleNames.size() < 16) {
                    int bit = 1 << t.roleNames.size();
                    t.roleNames.add(name);
                    for (String marker : markers) {
                        if (marker.startsWith("*")) {
                            t.suffixMarkers.add(new Marker(marker.substring(1), bit));
                        } else {
                            markersByKey.computeIfAbsent(key(marker.charAt(0), marker.charAt(1)), k -> new ArrayList<>())
                                    .add(new Marker(marker, bit));
                        }
                    }
                }
            });
            markersByKey.forEach((k, list) -> t.markerBuckets.put(k, list.toArray(Marker[]::new)));
            Map<Integer, List<Form>> byKey = new HashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
                List<String> syn = e.getValue().stream().distinct().toList();
                if (syn.isEmpty()) {
                    continue;
                }
                int index = t.concepts.size();
                List<String> nearTerms = near.getOrDefault(e.getKey(), List.of()).stream().filter(x -> !syn.contains(x)).distinct().toList();
                t.concepts.add(new Concept(e.getKey(), syn.get(0), syn, nearTerms));
                t.conceptById.put(e.getKey(), index);
                for (String form : syn) {
                    if (seen.add(form)) {
                        byKey.computeIfAbsent(key(form.charAt(0), form.charAt(1)), k -> new ArrayList<>())
                                .add(new Form(form, index, true, form.chars().allMatch(c -> c < 128)));
                    }
                }
                for (String form : nearTerms) {
                    if (seen.add(form)) {
                        byKey.computeIfAbsent(key(form.charAt(0), form.charAt(1)), k -> new ArrayList<>())
                                .add(new Form(form, index, false, form.chars().allMatch(c -> c < 128)));
                    }
                }
            }
            byKey.forEach((k, forms) -> {
                forms.sort(Comparator.comparingInt((Form f) -> f.text.length()).reversed());
                t.buckets.put(k, forms.toArray(Form[]::new));
            });
            for (List<String> group : distinct) {
                t.distinct.add(group.stream().map(t::canonical).toList());
            }
            t.lookalikes.addAll(lookalikes);
            return t;
        }
    }
}
