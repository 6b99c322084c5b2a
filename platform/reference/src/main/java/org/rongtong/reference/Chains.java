package org.rongtong.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The industrial chains (产业链) and, for each, the provinces whose flagship chains (标志性产业链) it is. Read from a
 * CSV file (columns {@code code,name,nameEn,flagshipProvinces}, provinces as two-digit codes separated by {@code ;}),
 * by default the bundled sample set: registry-service validates profiles against it and matching-service counts its
 * programme KPIs against it, so both must read the same file ({@code rongtong.reference.chains-file}).
 */
public final class Chains {

    public record Chain(String code, String name, String nameEn, List<String> flagshipProvinces, boolean sample) {
    }

    static final String SAMPLE = "reference/chains-sample.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();

    private final Map<String, Chain> byCode;

    private Chains(Map<String, Chain> byCode) {
        this.byCode = byCode;
    }

    /** The chains of {@code file}, or the bundled sample set (each flagged {@code sample}) when there is none. */
    public static Chains load(Optional<String> file) {
        boolean sample = file.isEmpty();
        Map<String, Chain> chains = new LinkedHashMap<>();
        try (Reader reader = file.isPresent() ? Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)
                : new InputStreamReader(openSample(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : FORMAT.parse(reader)) {
                List<String> provinces = Arrays.stream(r.get("flagshipProvinces").split(";")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                chains.put(r.get("code"), new Chain(r.get("code"), r.get("name"), r.get("nameEn"), provinces, sample));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data " + file.orElse(SAMPLE) + " is unreadable", e);
        }
        return new Chains(chains);
    }

    public List<Chain> all() {
        return List.copyOf(byCode.values());
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    /** The flagship chains of a province (two-digit code, or any longer division code of it). */
    public List<Chain> flagshipOf(String regionCode) {
        String province = regionCode.substring(0, 2);
        return byCode.values().stream().filter(c -> c.flagshipProvinces().contains(province)).toList();
    }

    private static InputStream openSample() {
        InputStream in = Chains.class.getClassLoader().getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException("Reference data " + SAMPLE + " is missing from the application");
        }
        return in;
    }
}
