package org.rongtong.matching.service;

import static org.rongtong.matching.service.ThesaurusText.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads thesaurus files ({@code version}, {@code concept}, {@code distinct}, {@code role} and {@code lookalike} records,
 * tab-separated; ADR 0011) and builds the {@link Thesaurus}: forms bucketed by their first two characters, longest
 * first, and at most 16 business roles.
 */
final class ThesaurusBuilder {
    /** The shipped thesaurus plus the operator's files, read in order (a later concept id extends an earlier one). */
    static Thesaurus load(List<Path> extraFiles) {
        ThesaurusBuilder b = new ThesaurusBuilder();
        try (InputStream in = Thesaurus.class.getClassLoader().getResourceAsStream(Thesaurus.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + Thesaurus.RESOURCE);
            }
            b.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), Thesaurus.RESOURCE);
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
        ThesaurusBuilder b = new ThesaurusBuilder();
        try {
            b.read(new BufferedReader(new StringReader(text)), "text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

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
        roles.putIfAbsent(Thesaurus.EQUIPMENT, new LinkedHashSet<>());
        Map<Integer, List<Thesaurus.Marker>> markersByKey = new HashMap<>();
        if (roles.size() > 16) {
            throw new IllegalArgumentException("at most 16 roles, not " + roles.size());
        }
        roles.forEach((name, markers) -> {
            if (t.roleNames.size() < 16) {
                int bit = 1 << t.roleNames.size();
                t.roleNames.add(name);
                for (String marker : markers) {
                    if (marker.startsWith("*")) {
                        t.suffixMarkers.add(new Thesaurus.Marker(marker.substring(1), bit));
                    } else {
                        markersByKey.computeIfAbsent(key(marker.charAt(0), marker.charAt(1)), k -> new ArrayList<>())
                                .add(new Thesaurus.Marker(marker, bit));
                    }
                }
            }
        });
        markersByKey.forEach((k, list) -> t.markerBuckets.put(k, list.toArray(Thesaurus.Marker[]::new)));
        Map<Integer, List<Thesaurus.Form>> byKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
            List<String> syn = e.getValue().stream().distinct().toList();
            if (syn.isEmpty()) {
                continue;
            }
            int index = t.concepts.size();
            List<String> nearTerms = near.getOrDefault(e.getKey(), List.of()).stream().filter(x -> !syn.contains(x)).distinct().toList();
            t.concepts.add(new Thesaurus.Concept(e.getKey(), syn.get(0), syn, nearTerms));
            t.conceptById.put(e.getKey(), index);
            for (String form : syn) {
                if (seen.add(form)) {
                    byKey.computeIfAbsent(key(form.charAt(0), form.charAt(1)), k -> new ArrayList<>())
                            .add(new Thesaurus.Form(form, index, true, form.chars().allMatch(c -> c < 128)));
                }
            }
            for (String form : nearTerms) {
                if (seen.add(form)) {
                    byKey.computeIfAbsent(key(form.charAt(0), form.charAt(1)), k -> new ArrayList<>())
                            .add(new Thesaurus.Form(form, index, false, form.chars().allMatch(c -> c < 128)));
                }
            }
        }
        byKey.forEach((k, forms) -> {
            forms.sort(Comparator.comparingInt((Thesaurus.Form f) -> f.text().length()).reversed());
            t.buckets.put(k, forms.toArray(Thesaurus.Form[]::new));
        });
        List<List<String>> groups = distinct.stream().map(group -> group.stream().map(t::canonical).toList()).toList();
        t.distinctProcesses = new DistinctProcesses(groups, lookalikes, t::canonical);
        return t;
    }
}
