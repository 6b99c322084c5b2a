package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Each service's pods are closed by default and opened only for what the design needs. */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceIsClosedByDefaultAndOpenOnlyWhereTheDesignNeeds(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        JsonNode kafka = r.ofKind("Kafka").get(0);
        String clusterName = Manifests.Rendered.name(r.ofKind("Cluster").get(0));
        List<String> problems = new ArrayList<>();
        for (JsonNode d : r.ofKind("Deployment")) {
            String module = Manifests.Rendered.name(d);
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> policies = r.ofKind("NetworkPolicy").stream()
                    .filter(p -> Manifests.Rendered.selects(p.path("spec").path("podSelector"), labels)).toList();
            boolean denyIn = policies.stream().anyMatch(p -> types(p).contains("Ingress"));
            boolean denyOut = policies.stream().anyMatch(p -> types(p).contains("Egress"));
            if (!denyIn || !denyOut) {
                problems.add(module + ": not isolated in both directions (ingress " + denyIn + ", egress " + denyOut + ")");
            }
            // ingress: the public API from the ingress controller, the management port from monitoring, nothing else
            Set<String> ingress = new TreeSet<>();
            Set<String> egress = new TreeSet<>();
            for (JsonNode p : policies) {
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        for (JsonNode port : rule.path("ports")) {
                            ingress.add(port.path("port").asText() + " from " + peer(peer));
                        }
                    }
                }
                for (JsonNode rule : p.path("spec").path("egress")) {
                    for (JsonNode peer : rule.path("to")) {
                        for (JsonNode port : rule.path("ports")) {
                            egress.add(port.path("port").asText() + " to " + peer(peer));
                        }
                    }
                }
            }
            assertEquals(Set.of("8080 from namespace ingress-nginx", "9000 from namespace monitoring"), ingress, module + " ingress");
            Set<String> expectedEgress = new TreeSet<>(Set.of("53 to namespace kube-system pods {k8s-app=kube-dns}",
                    "9093 to pods {strimzi.io/broker-role=true, strimzi.io/cluster=" + Manifests.Rendered.name(kafka) + "}",
                    "5432 to pods {cnpg.io/cluster=" + clusterName + "}",
                    "4317 to namespace monitoring", "4318 to namespace monitoring"));
            if (module.equals("notification-service")) {
                // webhooks: the internet, never the cluster's or the cloud's private ranges
                for (String block : List.of("0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 169.254.0.0/16, 127.0.0.0/8]",
                        "::/0 except [fc00::/7, fe80::/10, ::1/128]")) {
                    expectedEgress.add("443 to " + block);
                    expectedEgress.add("80 to " + block);
                }
            }
            assertEquals(expectedEgress, egress, module + " egress");
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    private static String peer(JsonNode peer) {
        StringBuilder s = new StringBuilder();
        if (peer.has("ipBlock")) {
            List<String> except = new ArrayList<>();
            peer.path("ipBlock").path("except").forEach(e -> except.add(e.asText()));
            return peer.path("ipBlock").path("cidr").asText() + " except " + except;
        }
        if (peer.has("namespaceSelector")) {
            s.append("namespace ").append(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
        }
        if (peer.has("podSelector")) {
            s.append(s.length() > 0 ? " " : "").append("pods ").append(new java.util.TreeMap<>(Manifests.YAML.convertValue(peer.path("podSelector").path("matchLabels"),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() { })));
        }
        return s.toString();
    }
}
