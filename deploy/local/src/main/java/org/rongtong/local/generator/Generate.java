package org.rongtong.local.generator;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generator's command line (deploy/local/generate.sh): writes N enterprises as a bulk-import file, and optionally
 * each generated chain leader's demands as NDJSON, keyed by the leader's credit code.
 *
 * <pre>generate.sh [--seed 42] [--enterprises 100000] [--format csv|ndjson] [--out enterprises.csv]
 *             [--demands-per-leader 3 --demands-out demands.ndjson]</pre>
 */
public final class Generate {

    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--seed", "42", "--enterprises", "1000", "--format", "csv"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !List.of("csv", "ndjson").contains(options.get("--format"))) {
            System.err.println("usage: generate.sh [--seed N] [--enterprises N] [--format csv|ndjson] [--out FILE] "
                    + "[--demands-per-leader N --demands-out FILE]");
            System.exit(2);
        }
        long seed = Long.parseLong(options.get("--seed"));
        int count = Integer.parseInt(options.get("--enterprises").replace("_", "").replace(",", ""));
        ProgrammeGenerator generator = new ProgrammeGenerator(seed);
        Path out = Path.of(options.getOrDefault("--out", "enterprises." + options.get("--format")));
        long started = System.nanoTime();
        long rows;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            rows = options.get("--format").equals("csv") ? ImportFiles.csv(generator.enterprises(count), writer)
                    : ImportFiles.ndjson(generator.enterprises(count), writer);
        }
        System.out.printf("%,d enterprises (seed %d) -> %s (%.1f MB) in %.1f s%n", rows, seed, out, Files.size(out) / 1e6,
                (System.nanoTime() - started) / 1e9);
        if (options.containsKey("--demands-out")) {
            int perLeader = Integer.parseInt(options.getOrDefault("--demands-per-leader", "3"));
            ObjectMapper json = new ObjectMapper();
            Path demandsOut = Path.of(options.get("--demands-out"));
            long demands = 0;
            try (Writer writer = Files.newBufferedWriter(demandsOut, StandardCharsets.UTF_8)) {
                for (ProgrammeGenerator.Profile leader : generator.enterprises(count).filter(p -> p.kind().equals("CHAIN_LEADER")).toList()) {
                    for (ProgrammeGenerator.DemandDraft d : generator.demands(leader, 0, perLeader, new ArrayList<>(Catalogue.FIELDS_BY_KIND.get("SME")))) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("publisherCreditCode", leader.creditCode());
                        line.put("demand", d);
                        writer.write(json.writeValueAsString(line));
                        writer.write('\n');
                        demands++;
                    }
                }
            }
            System.out.printf("%,d demands -> %s%n", demands, demandsOut);
        }
    }
}
