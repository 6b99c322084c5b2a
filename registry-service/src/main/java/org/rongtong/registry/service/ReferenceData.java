package org.rongtong.registry.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rongtong.reference.Chains;
import org.rongtong.registry.config.ReferenceConfig;

/**
 * Reference data loaded once from the versioned files under {@code reference/}: cooperation fields, SME tiers,
 * industrial chains (a sample set unless {@code rongtong.reference.chains-file} names another) and China's
 * divisions (every province, prefecture and county, GB/T 2260, 2023 edition).
 */
@ApplicationScoped
public class ReferenceData {

    public record Entry(String code, String name, String nameEn) {
    }

    public record Tier(String code, String name, String nameEn, String issuingLevel) {
    }

    /** A division; {@code code} is six digits (370000 Shandong, 370200 Qingdao, 370211 Huangdao District). */
    public record Region(String code, String name, String nameEn, String level, String parentCode) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();

    private final Map<String, Entry> fields;
    private final Map<String, Tier> tiers;
    private final Chains chains;
    private final Map<String, Region> regions = new LinkedHashMap<>();

    public ReferenceData(ReferenceConfig config) {
        fields = index(read("reference/fields.csv", null), r -> new Entry(r.get("code"), r.get("name"), r.get("nameEn")), Entry::code);
        tiers = index(read("reference/tiers.csv", null),
                r -> new Tier(r.get("code"), r.get("name"), r.get("nameEn"), r.get("issuingLevel")), Tier::code);
        chains = Chains.load(config.chainsFile());
        for (CSVRecord r : read("reference/regions/provinces.csv", null)) {
            add(new Region(r.get("code") + "0000", r.get("name"), r.get("nameEn"), "PROVINCE", null));
        }
        for (CSVRecord r : read("reference/regions/cities.csv", null)) {
            add(new Region(r.get("code") + "00", r.get("name"), r.get("nameEn"), "PREFECTURE", r.get("provinceCode") + "0000"));
        }
        for (CSVRecord r : read("reference/regions/areas.csv", null)) {
            add(new Region(r.get("code"), r.get("name"), r.get("nameEn"), "COUNTY", r.get("cityCode") + "00"));
        }
    }

    public List<Entry> fields() {
        return List.copyOf(fields.values());
    }

    public List<Tier> tiers() {
        return List.copyOf(tiers.values());
    }

    public List<Chains.Chain> chains() {
        return chains.all();
    }

    /** Regions whose code starts with the prefix (2, 4 or 6 digits; empty for all), optionally of one level. */
    public List<Region> regions(String prefix, String level) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if ((prefix == null || r.code().startsWith(prefix)) && (level == null || r.level().equalsIgnoreCase(level))) {
                out.add(r);
            }
        }
        return out;
    }

    public boolean regionExists(String code) {
        return regions.containsKey(code);
    }

    public boolean chainExists(String code) {
        return chains.exists(code);
    }

    public boolean tierExists(String code) {
        return tiers.containsKey(code);
    }

    private void add(Region region) {
        // a county-level code may repeat its prefecture's padded code; the first (higher) level wins
        regions.putIfAbsent(region.code(), region);
    }

    private static <T> Map<String, T> index(List<CSVRecord> records, Function<CSVRecord, T> map, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            T value = map.apply(r);
            out.put(key.apply(value), value);
        }
        return out;
    }

    private static List<CSVRecord> read(String resource, String overrideFile) {
        try (Reader reader = overrideFile != null
                ? Files.newBufferedReader(Path.of(overrideFile), StandardCharsets.UTF_8)
                : new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data " + (overrideFile != null ? overrideFile : resource) + " is unreadable", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference data " + resource + " is missing from the application");
        }
        return in;
    }
}
