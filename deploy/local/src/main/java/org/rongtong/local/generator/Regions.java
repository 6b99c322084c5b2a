package org.rongtong.local.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A province's prefectures and their counties, read from the registry's own reference data (copied onto this module's
 * class path at build time), so every generated region code is one the registry accepts.
 */
public final class Regions {

    /** A prefecture (4-digit code), its name, and its counties' 6-digit codes. */
    public record Prefecture(String code, String name, List<String> counties) {

        /** The name without its 市, as Chinese enterprise names use it: 青岛 for 青岛市. */
        public String shortName() {
            return name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
        }
    }

    private final List<Prefecture> prefectures;

    private Regions(List<Prefecture> prefectures) {
        this.prefectures = List.copyOf(prefectures);
    }

    /** The prefectures of a province (2-digit code), in code order. */
    public static Regions of(String province) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : read("reference/regions/cities.csv")) {
            if (row[row.length - 1].equals(province)) {
                names.put(row[0], row[1]);
            }
        }
        Map<String, List<String>> counties = new LinkedHashMap<>();
        for (String[] row : read("reference/regions/areas.csv")) {
            if (row[row.length - 1].equals(province)) {
                counties.computeIfAbsent(row[row.length - 2], c -> new ArrayList<>()).add(row[0]);
            }
        }
        List<Prefecture> prefectures = new ArrayList<>();
        names.forEach((code, name) -> prefectures.add(new Prefecture(code, name, List.copyOf(counties.getOrDefault(code, List.of())))));
        if (prefectures.isEmpty()) {
            throw new IllegalArgumentException("No prefectures of province " + province + " in the reference data");
        }
        return new Regions(prefectures);
    }

    public List<Prefecture> prefectures() {
        return prefectures;
    }

    public Prefecture prefecture(String code) {
        return prefectures.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    /** Rows of a reference CSV without its header; quoted names hold no commas or quotes. */
    private static List<String[]> read(String resource) {
        InputStream in = Regions.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path (copied from registry-service at build time)");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank()) {
                    rows.add(line.replace("\"", "").split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
