package org.rongtong.web.validation;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Capability tags compare equal whatever their width (ＡＢＣ/ABC, full-width spaces) and spacing. */
public final class Tags {

    // compiled once: tags are normalised for every row of a bulk import
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Tags() {
    }

    /** NFKC-normalised, trimmed, inner whitespace collapsed, empty and duplicate tags removed, order kept. */
    public static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String tag : tags) {
            String normal = normalise(tag);
            if (!normal.isEmpty()) {
                seen.add(normal);
            }
        }
        return List.copyOf(seen);
    }

    public static String normalise(String tag) {
        return tag == null ? "" : WHITESPACE.matcher(Normalizer.normalize(tag, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    }
}
