package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests as an operator applies them: {@code kubectl kustomize deploy/kubernetes/overlays/<overlay>}, rendered
 * once per overlay and test run, split into documents.
 */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The repository's root: set by the build (rongtong.root), else found above the working directory. */
    static Path root() {
        String configured = System.getProperty("rongtong.root");
        if (configured != null && Files.isDirectory(Paths.get(configured, "deploy", "kubernetes"))) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/kubernetes/base")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (deploy/kubernetes/base) above " + Paths.get("").toAbsolutePath());
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    static Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    private static Rendered kustomize(String overlay) {
        Path dir = kubernetes().resolve("overlays").resolve(overlay);
        Path out;
        Path err;
        try {
            out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            err = Files.createTempFile("kustomize-" + overlay, ".err");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            return fail("kubectl is not on the PATH, and these tests render the manifests with it (kubectl kustomize). "
                    + "Install kubectl: on Debian `apt-get install kubernetes-client` (.ci/run does so when it is missing), "
                    + "or any kubectl from kubernetes.io. Cause: " + e.getMessage());
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return fail("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + stderr);
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            return new Rendered(overlay, parse(yaml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temporary files
            }
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    /** One overlay's documents, with lookups by kind and name. */
    record Rendered(String overlay, List<JsonNode> documents) {

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        Optional<JsonNode> find(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
        }

        JsonNode one(String kind, String name) {
            return find(kind, name).orElseGet(() -> fail(overlay + ": no " + kind + " named " + name));
        }

        static String name(JsonNode doc) {
            return doc.path("metadata").path("name").asText();
        }

        /** The documents that select pods by these labels (matchLabels only: the manifests use nothing else). */
        static boolean selects(JsonNode labelSelector, JsonNode podLabels) {
            JsonNode match = labelSelector.path("matchLabels");
            if (labelSelector.has("matchExpressions")) {
                throw new IllegalStateException("matchExpressions are not understood by this test: " + labelSelector);
            }
            return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) match::fields).spliterator(), false)
                    .allMatch(e -> e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null)));
        }
    }

    static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }
}
