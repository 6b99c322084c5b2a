package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the services themselves say: the modules of the root pom, each service's artifactId and application.properties,
 * the shared defaults of the platform modules (web, persistence, messaging, outbox), and what the ConfigMaps mounted in the cluster add.
 */
final class Services {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]*-service)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    private static final Pattern PARENT_VERSION = Pattern.compile("<artifactId>rongtong-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static final List<String> PLATFORM_DEFAULTS = List.of("web", "persistence", "messaging", "outbox");

    private Services() {
    }

    /** The service modules of the root pom (registry-service, demand-service, ...). */
    static List<String> modules() {
        Matcher m = MODULE.matcher(read(Manifests.root().resolve("pom.xml")));
        List<String> modules = m.results().map(r -> r.group(1)).toList();
        assertTrue(modules.size() >= 4, "the root pom names the four services: " + modules);
        return modules;
    }

    static String artifactId(String module) {
        Matcher m = ARTIFACT.matcher(read(Manifests.root().resolve(module).resolve("pom.xml")));
        return m.find() ? m.group(1) : fail(module + "/pom.xml names no artifactId");
    }

    static String projectVersion() {
        Matcher m = PARENT_VERSION.matcher(read(Manifests.root().resolve("pom.xml")));
        return m.find() ? m.group(1) : fail("the root pom names no version");
    }

    /**
     * The properties a service reads when it runs in the prod profile, as files give them: the shared defaults (ordinal
     * 100), the service's application.properties (250). Profiles other than prod are left out.
     */
    static Map<String, String> packaged(String module) {
        Map<String, String> effective = new LinkedHashMap<>();
        Path root = Manifests.root();
        String pom = read(root.resolve(module).resolve("pom.xml"));
        if (pom.contains("<artifactId>rongtong-service-parent</artifactId>")) {
            // the dependencies the services share are declared by their parent
            pom += read(root.resolve("platform/service-parent/pom.xml"));
        }
        // each platform module brings the defaults of its own concern (they name different properties)
        for (String platform : PLATFORM_DEFAULTS) {
            if (pom.contains("<artifactId>rongtong-" + platform + "</artifactId>")) {
                layer(effective, read(root.resolve("platform/" + platform + "/src/main/resources/META-INF/microprofile-config.properties")));
            }
        }
        layer(effective, read(root.resolve(module).resolve("src/main/resources/application.properties")));
        return effective;
    }

    /** What the service reads in the cluster: {@link #packaged} overlaid by the ConfigMaps the Deployment mounts. */
    static Map<String, String> inCluster(String module, List<String> configMapContents) {
        Map<String, String> effective = packaged(module);
        configMapContents.forEach(text -> layer(effective, text));
        return effective;
    }

    /** A build-time property as Quarkus sees it: application.properties, the shared defaults or a pom property. */
    static Optional<String> buildProperty(String module, String name) {
        String value = packaged(module).get(name);
        if (value != null) {
            return Optional.of(value);
        }
        Path root = Manifests.root();
        Pattern tag = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">");
        for (Path pom : List.of(root.resolve(module).resolve("pom.xml"), root.resolve("platform/service-parent/pom.xml"), root.resolve("pom.xml"))) {
            Matcher m = tag.matcher(read(pom));
            if (m.find()) {
                return Optional.of(m.group(1).trim());
            }
        }
        return Optional.empty();
    }

    /** Resolves ${name} and ${name:default} against the other properties (environment variables stay unresolved). */
    static String resolve(Map<String, String> properties, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            if (replacement == null && m.group(2) == null) {
                // unknown here (an environment variable, say): left as it is
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(properties, replacement != null ? replacement : m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ${NAME} references to environment variables (upper case) in a value. */
    static Set<String> environmentReferences(String value) {
        Set<String> names = new LinkedHashSet<>();
        EXPRESSION.matcher(value).results().map(r -> r.group(1)).filter(n -> n.matches("[A-Z][A-Z0-9_]*")).forEach(names::add);
        return names;
    }

    /** Topics a service's channels read and write, and its dead-letter topic. */
    static Set<String> consumedTopics(Map<String, String> props) {
        Set<String> topics = new LinkedHashSet<>();
        props.forEach((k, v) -> {
            if (k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic") && !k.endsWith(".dead-letter-queue.topic")) {
                topics.add(resolve(props, v));
            }
        });
        return topics;
    }

    static Set<String> outgoingTopics(Map<String, String> props) {
        Set<String> topics = new LinkedHashSet<>();
        props.forEach((k, v) -> {
            if ((k.startsWith("mp.messaging.outgoing.") && k.endsWith(".topic")) || k.endsWith(".dead-letter-queue.topic")) {
                topics.add(resolve(props, v));
            }
        });
        deadLetterTopic(props).ifPresent(topics::add);
        return topics;
    }

    static Optional<String> deadLetterTopic(Map<String, String> props) {
        if (!"true".equals(props.get("rongtong.dead-letters.enabled"))) {
            return Optional.empty();
        }
        return Optional.of(resolve(props, props.getOrDefault("rongtong.dead-letters.topic", "none")));
    }

    static Set<String> consumerGroups(Map<String, String> props) {
        Set<String> groups = new LinkedHashSet<>();
        props.forEach((k, v) -> {
            if (k.startsWith("mp.messaging.incoming.") && k.endsWith(".group.id")) {
                groups.add(resolve(props, v));
            }
        });
        return groups;
    }

    private static void layer(Map<String, String> effective, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                prod.put(key.substring("%prod.".length()), p.getProperty(key));
            } else if (!key.startsWith("%") && !key.equals("config_ordinal")) {
                effective.put(key, p.getProperty(key));
            }
        }
        effective.putAll(prod);
    }

    /** The Java sources of a service and of the platform modules it builds on, as one text (for lookups by name). */
    static String sources(String module) {
        StringBuilder all = new StringBuilder();
        Path root = Manifests.root();
        for (Path dir : List.of(root.resolve(module).resolve("src/main/java"), root.resolve("platform"))) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).toList()) {
                    all.append(read(f)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The application.properties of every ConfigMap a Deployment mounts, in the order QUARKUS_CONFIG_LOCATIONS names them. */
    static List<String> mountedConfig(Manifests.Rendered r, JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        String locations = env(container, "QUARKUS_CONFIG_LOCATIONS").path("value").asText("");
        Map<String, String> mountByVolume = new LinkedHashMap<>();
        container.path("volumeMounts").forEach(m -> mountByVolume.put(m.path("name").asText(), m.path("mountPath").asText()));
        List<String> contents = new java.util.ArrayList<>();
        for (String location : locations.split(",")) {
            String dir = location.substring(0, location.lastIndexOf('/'));
            String file = location.substring(location.lastIndexOf('/') + 1);
            String volume = mountByVolume.entrySet().stream().filter(e -> e.getValue().equals(dir)).map(Map.Entry::getKey).findFirst()
                    .orElseGet(() -> fail(Manifests.Rendered.name(deployment) + ": QUARKUS_CONFIG_LOCATIONS names " + location + ", which no volume mounts"));
            JsonNode source = null;
            for (JsonNode v : pod.path("volumes")) {
                if (v.path("name").asText().equals(volume)) {
                    source = v;
                }
            }
            String configMap = source == null ? null : source.path("configMap").path("name").asText(null);
            if (configMap == null) {
                fail(Manifests.Rendered.name(deployment) + ": the volume " + volume + " at " + dir + " is not a ConfigMap");
            }
            JsonNode data = r.one("ConfigMap", configMap).path("data").path(file);
            if (!data.isTextual()) {
                fail("ConfigMap " + configMap + " has no key " + file);
            }
            contents.add(data.asText());
        }
        return contents;
    }

    /** The environment a container gets: its env entries and the keys of the ConfigMaps it takes whole (envFrom). */
    static Map<String, String> environment(Manifests.Rendered r, JsonNode container) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                r.one("ConfigMap", configMap).path("data").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            names.put(e.path("name").asText(), e.path("value").asText(""));
        }
        return names;
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
