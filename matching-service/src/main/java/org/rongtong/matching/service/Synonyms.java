package org.rongtong.matching.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rongtong.web.validation.Tags;

/**
 * Capability synonyms and near forms from {@code matching/synonyms.txt}: 注射成型 and 注塑 are the same capability,
 * 压铸 is not. Tags are compared in a canonical form where every known form is replaced by its group's first form.
 */
public final class Synonyms {

    private static final Synonyms STANDARD = load("matching/synonyms.txt");
    private static final int CACHE_LIMIT = 200_000;

    /** every form (comparable) → its group's canonical form; longest forms first so 注塑成型 wins over 注塑 */
    private final List<Map.Entry<String, String>> forms;
    private final Map<String, List<String>> groups;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private final List<List<String>> distinct;

    Synonyms(List<List<String>> lines, List<List<String>> distinct) {
        Map<String, String> toCanonical = new HashMap<>();
        groups = new HashMap<>();
        for (List<String> group : lines) {
            String canonical = comparable(group.get(0));
            List<String> all = group.stream().map(Synonyms::comparable).toList();
            for (String form : all) {
                toCanonical.put(form, canonical);
                groups.put(form, all);
            }
        }
        forms = new ArrayList<>(toCanonical.entrySet());
        forms.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.distinct = distinct.stream().map(d -> d.stream().map(this::canonicalUncached).toList()).toList();
    }

    public static Synonyms standard() {
        return STANDARD;
    }

    static Synonyms load(String resource) {
        List<List<String>> lines = new ArrayList<>();
        List<List<String>> distinct = new ArrayList<>();
        try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.startsWith("!")) {
                    distinct.add(List.of(line.substring(1).split("\\s*[,，]\\s*")));
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(List.of(line.split("\\s*[,，]\\s*")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(lines, distinct);
    }

    /** NFKC, lower case, no spaces, every known form replaced by its canonical form. */
    public String canonical(String tag) {
        String c = cache.get(tag);
        if (c != null) {
            return c;
        }
        String s = canonicalUncached(tag);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(tag, s);
        }
        return s;
    }

    private String canonicalUncached(String tag) {
        String s = comparable(tag);
        for (Map.Entry<String, String> form : forms) {
            if (!form.getKey().equals(form.getValue()) && s.contains(form.getKey())) {
                s = s.replace(form.getKey(), form.getValue());
            }
        }
        return s;
    }

    /**
     * The distinct process the profile offers instead of the one the demand requires (注塑 required, only 压铸
     * offered), or null when there is no such conflict.
     */
    public String conflict(List<String> required, List<String> offered) {
        List<String> need = required.stream().map(this::canonical).toList();
        List<String> have = offered.stream().map(this::canonical).toList();
        for (List<String> processes : distinct) {
            boolean wanted = false;
            boolean hasWanted = false;
            String other = null;
            for (String p : processes) {
                boolean demanded = need.stream().anyMatch(n -> n.contains(p));
                boolean offers = have.stream().anyMatch(h -> h.contains(p));
                wanted |= demanded;
                hasWanted |= demanded && offers;
                if (!demanded && offers) {
                    other = p;
                }
            }
            if (wanted && !hasWanted && other != null) {
                return other;
            }
        }
        return null;
    }

    /** The tag and the other forms of every group it contains, for query expansion. */
    public Set<String> expand(String tag) {
        String s = comparable(tag);
        Set<String> out = new LinkedHashSet<>();
        out.add(s);
        for (Map.Entry<String, String> form : forms) {
            if (s.contains(form.getKey())) {
                for (String other : groups.get(form.getKey())) {
                    out.add(s.replace(form.getKey(), other));
                }
            }
        }
        return out;
    }

    static String comparable(String tag) {
        return Tags.normalise(tag).toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
