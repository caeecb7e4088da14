package dev.wareg.systemtests;

import static dev.wareg.systemtests.StrictYaml.list;
import static dev.wareg.systemtests.StrictYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The deployment files as their readers take them, without a cluster or a Docker engine: every YAML file under
 * {@code deploy/} parses strictly (no key twice), the Kubernetes manifests name what they refer to, the Secret
 * templates and {@code .env.example} hold no secret, and the dashboards and the collector are wired together.
 * Tools that need installing (docker-compose, promtool) check the rest in the *IntegrationTests beside this.
 */
class DeploymentFilesTests {

    private static final Path DEPLOY = LocalDeployment.repositoryRoot().resolve("deploy");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final Path K8S_DEMO = K8S.resolve("demo");
    private static final Set<String> SERVICES = Set.of("account-api", "chat-service", "update-worker", "web-chat",
            "cloud-api", "whatsapp-web");
    /** The stores the namespace is expected to hold, by the app.kubernetes.io/name of their pods (config.yaml). */
    private static final List<String> STORES = List.of("postgresql", "redis", "rabbitmq", "ollama");

    @Test
    void everyYamlFileParsesStrictly() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yaml = files.filter(file -> file.toString().matches(".*\\.ya?ml$")).sorted().toList();
            assertThat(yaml).hasSizeGreaterThan(10);
            for (Path file : yaml) {
                assertThat(StrictYaml.documents(file)).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void everyKubernetesManifestNamesItsKindAndIsApplied() throws IOException {
        var soft = new SoftAssertions();
        var names = new HashSet<String>();
        for (Manifest manifest : manifests()) {
            Map<String, Object> metadata = map(manifest.document().get("metadata"));
            soft.assertThat(manifest.document().get("apiVersion")).as(manifest.where() + " apiVersion").isNotNull();
            soft.assertThat(manifest.document().get("kind")).as(manifest.where() + " kind").isNotNull();
            soft.assertThat(metadata).as(manifest.where() + " metadata").isNotNull();
            soft.assertThat(metadata == null ? null : metadata.get("name")).as(manifest.where() + " metadata.name")
                    .isInstanceOf(String.class);
            soft.assertThat(names.add(manifest.kind() + "/" + manifest.name())).as("%s %s/%s is declared twice",
                    manifest.where(), manifest.kind(), manifest.name()).isTrue();
        }
        soft.assertAll();

        var kustomization = map(StrictYaml.documents(K8S.resolve("kustomization.yaml")).getFirst());
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(list(kustomization.get("resources"))).as("kustomization.yaml applies every manifest but the"
                            + " Secret templates").containsExactlyInAnyOrderElementsOf(files
                    .filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("kustomization.yaml") && !name.equals("secrets.template.yaml"))
                    .toList());
        }
        var demo = map(StrictYaml.documents(K8S_DEMO.resolve("kustomization.yaml")).getFirst());
        try (Stream<Path> files = Files.list(K8S_DEMO)) {
            var expected = new ArrayList<String>(List.of(".."));
            files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml"))
                    .forEach(expected::add);
            assertThat(list(demo.get("resources"))).as("demo/kustomization.yaml applies the default deployment and"
                    + " every manifest beside it").containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(demo.get("namespace")).isEqualTo(kustomization.get("namespace"));
    }

    /**
     * The web chat shows its one-time codes on the page when no WhatsApp channel delivers them, which proves nothing
     * about who holds a number: it is never part of the default deployment, only of the demo overlay (reached by
     * port-forward, a ClusterIP Service) and compose's demo profile (published on 127.0.0.1).
     */
    @Test
    void theWebChatIsOnlyADemo() throws IOException {
        assertThat(Files.exists(K8S.resolve("web-chat.yaml"))).isFalse();
        Manifest deployment = manifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals("web-chat")).findFirst().orElseThrow();
        assertThat(deployment.where()).startsWith("demo/");
        assertThat(env(containers(deployment).getFirst())).containsEntry("WAREG_WEBCHAT_CODEDELIVERY", "phone-panel");
        assertThat(manifests()).filteredOn(m -> m.kind().equals("Service") && m.name().equals("web-chat"))
                .singleElement().satisfies(service -> assertThat(map(service.document().get("spec")))
                        .doesNotContainKey("type").doesNotContainKey("externalIPs"));
        assertThat(manifests()).noneMatch(m -> m.kind().equals("Ingress"));

        Map<String, Object> compose = map(map(StrictYaml.documents(DEPLOY.resolve("compose.yaml")).getFirst())
                .get("services"));
        Map<String, Object> webChat = map(compose.get("web-chat"));
        assertThat(webChat.get("profiles")).isEqualTo(List.of("demo"));
        assertThat(list(webChat.get("ports"))).containsExactly("127.0.0.1:8084:8084");
        assertThat(String.valueOf(webChat.get("environment"))).contains("WAREG_WEBCHAT_CODEDELIVERY");
    }

    /**
     * The service's own container comes first and has Spring Boot's three probes; every container (a sidecar too)
     * has CPU and memory requests and limits, and probes only on ports it declares.
     */
    @Test
    void everyServiceIsADeploymentWithProbesAndResources() throws IOException {
        var soft = new SoftAssertions();
        List<Manifest> deployments = manifests().stream().filter(manifest -> manifest.kind().equals("Deployment"))
                .toList();
        assertThat(deployments).extracting(Manifest::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Manifest deployment : deployments) {
            List<Map<String, Object>> containers = containers(deployment);
            Map<String, Object> service = containers.getFirst();
            for (var probe : Map.of("livenessProbe", "/actuator/health/liveness", "readinessProbe",
                    "/actuator/health/readiness", "startupProbe", "/actuator/health/liveness").entrySet()) {
                Map<String, Object> get = map(map(service.get(probe.getKey())).get("httpGet"));
                soft.assertThat(get.get("path")).as(deployment.name() + " " + probe.getKey()).isEqualTo(probe.getValue());
            }
            for (Map<String, Object> container : containers) {
                String where = deployment.name() + "/" + container.get("name");
                Set<String> ports = new HashSet<>();
                list(container.get("ports")).forEach(port -> ports.add((String) map(port).get("name")));
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    if (container.get(probe) != null && map(container.get(probe)).containsKey("httpGet")) {
                        soft.assertThat(ports).as(where + " " + probe + " port")
                                .contains((String) map(map(container.get(probe)).get("httpGet")).get("port"));
                    }
                }
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    soft.assertThat(resources == null ? null : map(resources.get(bound)))
                            .as(where + " resources." + bound).isNotNull().containsKeys("cpu", "memory");
                }
            }
        }
        soft.assertAll();
    }

    /**
     * A WhatsApp Web session must never run twice: a second one with the same keys replaces the first. One replica,
     * the old pod gone before the new one starts, and the sidecar's status page not a readiness gate (it is not
     * ready until paired). The status page shows the pairing QR, so the sidecar listens on the pod's loopback only:
     * no Service reaches it (port-forward does), and its liveness probe runs inside the container. Its session is
     * sealed in Redis with a key from a Secret.
     */
    @Test
    void theWhatsAppWebSessionRunsInOnePodAtATime() throws IOException {
        List<Manifest> manifests = manifests();
        Manifest deployment = manifests.stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals("whatsapp-web")).findFirst().orElseThrow();
        Map<String, Object> spec = map(deployment.document().get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(1);
        assertThat(map(spec.get("strategy")).get("type")).isEqualTo("Recreate");

        List<Map<String, Object>> containers = containers(deployment);
        assertThat(containers).extracting(container -> container.get("image")).containsExactly(
                "wareg/whatsapp-web:0.1.0-SNAPSHOT", "wareg/whatsapp-web-sidecar:0.1.0-SNAPSHOT");
        Map<String, Object> java = containers.get(0);
        Map<String, Object> sidecar = containers.get(1);
        assertThat(env(java)).containsEntry("WHATSAPP_WEB_SIDECAR_URL", "http://127.0.0.1:" + port(sidecar));
        assertThat(env(sidecar)).containsEntry("WAREG_CHANNEL_URL", "http://127.0.0.1:" + port(java))
                .containsEntry("WHATSAPP_WEB_AUTH", "redis").containsEntry("HOST", "127.0.0.1")
                .containsKeys("WHATSAPP_WEB_SECRET", "REDIS_URL", "REDIS_PASSWORD", "WHATSAPP_WEB_AUTH_KEY")
                .doesNotContainKey("WHATSAPP_WEB_STATUS_TOKEN");
        assertThat(env(sidecar).get("WHATSAPP_WEB_AUTH_KEY")).as("the key comes from a Secret").isNull();
        assertThat(sidecar).doesNotContainKey("readinessProbe");
        assertThat(map(sidecar.get("livenessProbe"))).doesNotContainKey("httpGet");
        assertThat(String.valueOf(map(map(sidecar.get("livenessProbe")).get("exec")).get("command")))
                .contains("http://127.0.0.1:" + port(sidecar) + "/status");

        assertThat(manifests).filteredOn(m -> m.kind().equals("Service"))
                .noneMatch(m -> podLabels(deployment).entrySet()
                        .containsAll(map(map(m.document().get("spec")).get("selector")).entrySet()));
    }

    /**
     * Kubernetes lets pods talk to each other freely unless a NetworkPolicy selects them: here one denies everything
     * to every pod of the namespace, and the others allow exactly the arrows of docs/architecture.md, each both as
     * the caller's egress and as the callee's ingress. From outside the namespace only Prometheus (to the port each
     * pod's annotations name) and the ingress controller (to the Cloud API webhook) get in.
     */
    @Test
    void theNetworkPoliciesAllowExactlyTheArrowsOfTheArchitecture() throws IOException {
        List<Manifest> manifests = manifests();
        Map<String, Map<String, Object>> pods = new java.util.TreeMap<>();
        manifests.stream().filter(m -> m.kind().equals("Deployment")).forEach(m -> pods.put(m.name(), podLabels(m)));
        for (String store : STORES) {
            pods.put(store, Map.of("app.kubernetes.io/name", store));
        }
        List<Manifest> policies = manifests.stream().filter(m -> m.kind().equals("NetworkPolicy")).toList();
        assertThat(policies).filteredOn(p -> p.name().equals("default-deny")).singleElement().satisfies(deny -> {
            Map<String, Object> spec = map(deny.document().get("spec"));
            assertThat(map(spec.get("podSelector"))).isEmpty();
            assertThat(list(spec.get("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(list(spec.get("ingress"))).isEmpty();
            assertThat(list(spec.get("egress"))).isEmpty();
        });

        Set<String> egress = new java.util.TreeSet<>();
        Set<String> ingress = new java.util.TreeSet<>();
        for (Manifest policy : policies) {
            Map<String, Object> spec = map(policy.document().get("spec"));
            List<String> selected = selected(pods, map(spec.get("podSelector")));
            assertThat(selected).as(policy.where() + " selects a pod").isNotEmpty();
            for (String direction : List.of("egress", "ingress")) {
                for (Object rule : list(spec.get(direction))) {
                    List<String> ports = list(map(rule).get("ports")).stream().map(StrictYaml::map)
                            .map(port -> port.get("port") + "/" + port.get("protocol")).toList();
                    assertThat(ports).as(policy.where() + " " + direction + " names its ports").isNotEmpty();
                    for (Object peer : list(map(rule).get(direction.equals("egress") ? "to" : "from"))) {
                        for (String other : peers(pods, map(peer))) {
                            for (String self : selected) {
                                for (String port : ports) {
                                    if (direction.equals("egress")) {
                                        egress.add(self + " -> " + other + ":" + port);
                                    } else {
                                        ingress.add(other + " -> " + self + ":" + port);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        Set<String> expectedEgress = new java.util.TreeSet<>();
        pods.keySet().forEach(pod -> expectedEgress.addAll(List.of(pod + " -> kube-system/kube-dns:53/UDP",
                pod + " -> kube-system/kube-dns:53/TCP")));
        SERVICES.forEach(service -> expectedEgress.addAll(List.of(service + " -> redis:6379/TCP",
                service + " -> rabbitmq:5672/TCP")));
        expectedEgress.addAll(List.of("account-api -> postgresql:5432/TCP",
                "chat-service -> account-api:8080/TCP", "update-worker -> account-api:8080/TCP",
                "chat-service -> ollama:11434/TCP", "chat-service -> anywhere:25/TCP", "chat-service -> anywhere:465/TCP",
                "chat-service -> anywhere:587/TCP", "cloud-api -> internet:443/TCP", "whatsapp-web -> internet:443/TCP",
                "ollama -> internet:443/TCP"));
        assertThat(egress).as("egress").containsExactlyElementsOf(expectedEgress);

        Set<String> expectedIngress = new java.util.TreeSet<>();
        expectedEgress.stream().filter(arrow -> pods.containsKey(arrow.substring(arrow.indexOf("> ") + 2,
                arrow.indexOf(':')))).forEach(expectedIngress::add);
        for (Manifest deployment : manifests.stream().filter(m -> m.kind().equals("Deployment")).toList()) {
            Map<String, Object> annotations = map(map(map(map(deployment.document().get("spec")).get("template"))
                    .get("metadata")).get("annotations"));
            assertThat(annotations).as(deployment.name() + " is scraped").containsEntry("prometheus.io/scrape", "true");
            expectedIngress.add("monitoring/* -> " + deployment.name() + ":" + annotations.get("prometheus.io/port")
                    + "/TCP");
        }
        expectedIngress.addAll(List.of("monitoring/* -> rabbitmq:15692/TCP", "ingress-nginx/* -> cloud-api:8082/TCP"));
        assertThat(ingress).as("ingress, the egress above seen from the callee").containsExactlyElementsOf(expectedIngress);
    }

    @Test
    void servicesAutoscalersAndReferencesPointAtWhatExists() throws IOException {
        List<Manifest> manifests = manifests();
        Map<String, Manifest> deployments = new HashMap<>();
        manifests.stream().filter(m -> m.kind().equals("Deployment")).forEach(m -> deployments.put(m.name(), m));
        Map<String, Set<String>> secretKeys = new HashMap<>();
        manifests.stream().filter(m -> m.kind().equals("Secret")).forEach(m -> secretKeys.put(m.name(),
                map(m.document().get("stringData")).keySet()));
        Map<String, Set<String>> configMaps = new HashMap<>();
        manifests.stream().filter(m -> m.kind().equals("ConfigMap")).forEach(m -> configMaps.put(m.name(),
                map(m.document().get("data")).keySet()));

        var soft = new SoftAssertions();
        for (Manifest service : manifests.stream().filter(m -> m.kind().equals("Service")).toList()) {
            Map<String, Object> selector = map(map(service.document().get("spec")).get("selector"));
            soft.assertThat(deployments.values()).as("the pods Service " + service.name() + " selects")
                    .anyMatch(deployment -> podLabels(deployment).entrySet().containsAll(selector.entrySet()));
        }
        List<String> autoscaled = new ArrayList<>();
        for (Manifest hpa : manifests.stream().filter(m -> m.kind().equals("HorizontalPodAutoscaler")).toList()) {
            String target = (String) map(map(hpa.document().get("spec")).get("scaleTargetRef")).get("name");
            soft.assertThat(deployments).as("HPA " + hpa.name() + " scales a Deployment").containsKey(target);
            autoscaled.add(target);
        }
        soft.assertThat(autoscaled).containsExactlyInAnyOrder("chat-service", "update-worker");
        for (Manifest deployment : deployments.values()) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = deployment.name() + "/" + container.get("name");
                for (Object source : list(container.get("envFrom"))) {
                    soft.assertThat(configMaps).as(where + " envFrom")
                            .containsKey((String) map(map(source).get("configMapRef")).get("name"));
                }
                for (Object variable : list(container.get("env"))) {
                    Map<String, Object> from = map(map(variable).get("valueFrom"));
                    if (from == null) {
                        continue;
                    }
                    boolean fromSecret = from.containsKey("secretKeyRef");
                    Map<String, Object> ref = map(from.get(fromSecret ? "secretKeyRef" : "configMapKeyRef"));
                    soft.assertThat(ref).as("%s: %s from a Secret or ConfigMap", where, map(variable).get("name"))
                            .isNotNull();
                    if (ref != null) {
                        soft.assertThat((fromSecret ? secretKeys : configMaps).getOrDefault((String) ref.get("name"),
                                        Set.of())).as("%s: %s from %s %s", where, map(variable).get("name"),
                                        fromSecret ? "Secret" : "ConfigMap", ref.get("name"))
                                .contains((String) ref.get("key"));
                    }
                }
            }
        }
        soft.assertAll();
    }

    /**
     * The Service Bus overlay (beside deploy/k8s: kustomize 5 refuses an overlay inside its base) patches only what
     * the base declares, takes the connection string from a Secret the templates describe, and runs each subscribing
     * service as one replica without an autoscaler (Service Bus has no single active consumer without sessions).
     */
    @Test
    void theServiceBusOverlayPatchesWhatTheBaseDeclares() throws IOException {
        Path overlay = DEPLOY.resolve("k8s-azure");
        var kustomization = map(StrictYaml.documents(overlay.resolve("kustomization.yaml")).getFirst());
        assertThat(list(kustomization.get("resources"))).containsExactly("../k8s", "servicebus-egress.yaml");
        assertThat(kustomization.get("namespace")).isEqualTo(map(StrictYaml.documents(K8S.resolve("kustomization.yaml"))
                .getFirst()).get("namespace"));
        List<Manifest> base = manifests();
        Set<String> declared = new HashSet<>();
        base.forEach(manifest -> declared.add(manifest.kind() + "/" + manifest.name()));
        for (Object document : StrictYaml.documents(overlay.resolve("servicebus-connection.yaml"))) {
            Map<String, Object> patch = map(document);
            String name = String.valueOf(map(patch.get("metadata")).get("name"));
            assertThat(declared).contains("Deployment/" + name);
            Map<String, Object> container = map(list(map(map(map(patch.get("spec")).get("template")).get("spec"))
                    .get("containers")).getFirst());
            assertThat(container.get("name")).isEqualTo(name);
            assertThat(String.valueOf(container.get("env"))).contains("WAREG_MESSAGING_SERVICEBUS_CONNECTION_STRING")
                    .contains("wareg-servicebus");
        }
        String patches = String.valueOf(kustomization.get("patches"));
        assertThat(patches).contains("azure-service-bus").contains("chat-service|update-worker|cloud-api");
        for (String autoscaler : List.of("chat-service", "update-worker")) {
            assertThat(declared).contains("HorizontalPodAutoscaler/" + autoscaler);
            assertThat(patches).contains("name: " + autoscaler);
        }
        assertThat(base).filteredOn(m -> m.kind().equals("HorizontalPodAutoscaler")).extracting(Manifest::name)
                .containsExactlyInAnyOrder("chat-service", "update-worker");
        assertThat(StrictYaml.documents(K8S.resolve("secrets.template.yaml"))).anySatisfy(secret -> {
            assertThat(map(map(secret).get("metadata")).get("name")).isEqualTo("wareg-servicebus");
            assertThat(map(map(secret).get("stringData"))).containsOnlyKeys("connection-string");
        });
    }

    /**
     * Each client its own key (docs/security.md, B4): chat-service and update-worker each get their own private key,
     * account-api only the public keys, and no other service anything of them, in Kubernetes (the demo's web chat
     * included) and in compose.
     */
    @Test
    void onlyTheChatAndTheWorkerHoldAPrivateKeyAndOnlyAccountApiThePublicKeys() throws IOException {
        Map<String, Set<String>> keys = Map.of(
                "chat-service", Set.of("wareg-chat-service-key"),
                "update-worker", Set.of("wareg-update-worker-key"),
                "account-api", Set.of("wareg-account-api-clients"));
        Set<String> allKeys = Set.of("wareg-chat-service-key", "wareg-update-worker-key", "wareg-account-api-clients");
        var soft = new SoftAssertions();
        for (Manifest deployment : manifests().stream().filter(m -> m.kind().equals("Deployment")).toList()) {
            Set<String> secrets = new HashSet<>();
            for (Map<String, Object> container : containers(deployment)) {
                for (Object variable : list(container.get("env"))) {
                    Map<String, Object> from = map(map(variable).get("valueFrom"));
                    if (from != null && from.containsKey("secretKeyRef")) {
                        secrets.add((String) map(from.get("secretKeyRef")).get("name"));
                    }
                }
            }
            for (Object volume : list(map(spec(deployment, "template")).get("volumes"))) {
                Map<String, Object> secret = map(map(volume).get("secret"));
                if (secret != null) {
                    secrets.add((String) secret.get("secretName"));
                }
            }
            secrets.retainAll(allKeys);
            soft.assertThat(secrets).as("the service keys of Deployment " + deployment.name())
                    .isEqualTo(keys.getOrDefault(deployment.name(), Set.of()));
        }
        Map<String, Object> services = map(map(StrictYaml.documents(DEPLOY.resolve("compose.yaml")).getFirst())
                .get("services"));
        Map<String, String> variables = Map.of(
                "chat-service", "WAREG_CHAT_CLIENTKEY",
                "update-worker", "WAREG_WORKER_CLIENTKEY",
                "account-api", "SPRING_APPLICATION_JSON");
        services.forEach((name, service) -> {
            Map<String, Object> environment = map(map(service).get("environment"));
            String text = environment == null ? "" : environment.toString();
            soft.assertThat(text.contains("SERVICE_AUTH_") || text.contains("CLIENTKEY"))
                    .as("compose service %s holds a service key", name).isEqualTo(variables.containsKey(name));
            if (variables.containsKey(name)) {
                soft.assertThat(environment).as("compose service " + name).containsKey(variables.get(name));
            }
        });
        soft.assertThat(map(services.get("account-api")).get("environment").toString())
                .contains("SERVICE_AUTH_CHAT_SERVICE_PUBLIC_KEY", "SERVICE_AUTH_UPDATE_WORKER_PUBLIC_KEY")
                .doesNotContain("SERVICE_AUTH_CHAT_SERVICE_KEY", "SERVICE_AUTH_UPDATE_WORKER_KEY");
        soft.assertAll();
    }

    @Test
    void secretTemplatesAndTheComposeExampleHoldNoSecret() throws IOException {
        for (Object document : StrictYaml.documents(K8S.resolve("secrets.template.yaml"))) {
            assertThat(map(map(document).get("stringData")).values()).as(map(map(document).get("metadata")).get("name")
                    .toString()).allMatch("replace-me"::equals);
        }
        Set<String> notSecret = Set.of("RABBITMQ_USER", "ACCOUNT_DB_USER", "OLLAMA_MODEL", "WHATSAPP_WEB_PAIRING_PHONE");
        for (String line : Files.readAllLines(DEPLOY.resolve(".env.example"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] setting = line.split("=", 2);
            if (!notSecret.contains(setting[0])) {
                assertThat(setting[1]).as(setting[0] + " in .env.example").startsWith("replace-");
            }
        }
    }

    @Test
    void everyDashboardPanelQueriesTheProvisionedPrometheus() {
        var datasources = map(StrictYaml.documents(ObservabilityQueries.directory()
                .resolve("grafana/provisioning/datasources/datasources.yaml")).getFirst());
        String prometheus = list(datasources.get("datasources")).stream().map(StrictYaml::map)
                .filter(source -> "prometheus".equals(source.get("type"))).map(source -> (String) source.get("uid"))
                .findFirst().orElseThrow();
        var soft = new SoftAssertions();
        var uids = new HashSet<String>();
        for (Path file : ObservabilityQueries.dashboardFiles()) {
            JsonNode dashboard = ObservabilityQueries.dashboard(file);
            soft.assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid is unique").isTrue();
            soft.assertThat(dashboard.path("title").asString()).as(file + " title").isNotBlank();
            var ids = new HashSet<Integer>();
            for (JsonNode panel : ObservabilityQueries.panels(dashboard)) {
                String where = file.getFileName() + ": " + panel.path("title").asString();
                soft.assertThat(ids.add(panel.path("id").asInt())).as(where + " id is unique").isTrue();
                if (!panel.path("targets").isEmpty()) {
                    soft.assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo(prometheus);
                    soft.assertThat(panel.path("description").asString()).as(where + " says what it shows")
                            .isNotBlank();
                }
            }
        }
        for (var query : ObservabilityQueries.all()) {
            soft.assertThat(PromQl.selectors(query.expression())).as(query.where() + " selects a metric").isNotEmpty();
        }
        soft.assertAll();
    }

    @Test
    void theCollectorsPipelinesUseOnlyComponentsItDefines() {
        var config = map(StrictYaml.documents(ObservabilityQueries.directory().resolve("otel-collector.yaml"))
                .getFirst());
        var pipelines = map(map(config.get("service")).get("pipelines"));
        assertThat(pipelines).containsKey("traces");
        for (var pipeline : pipelines.entrySet()) {
            for (String kind : List.of("receivers", "processors", "exporters")) {
                for (Object component : list(map(pipeline.getValue()).get(kind))) {
                    assertThat(map(config.get(kind))).as(pipeline.getKey() + " " + kind).containsKey((String) component);
                }
            }
        }
        for (Object extension : list(map(config.get("service")).get("extensions"))) {
            assertThat(map(config.get("extensions"))).containsKey((String) extension);
        }
    }

    private record Manifest(String where, Map<String, Object> document) {

        String kind() {
            return (String) document.get("kind");
        }

        String name() {
            return (String) map(document.get("metadata")).get("name");
        }
    }

    private static List<Manifest> manifests() throws IOException {
        var manifests = new ArrayList<Manifest>();
        try (Stream<Path> files = Stream.concat(Files.list(K8S), Files.list(K8S_DEMO))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<Object> documents = StrictYaml.documents(file);
                for (int i = 0; i < documents.size(); i++) {
                    manifests.add(new Manifest(K8S.relativize(file) + " #" + (i + 1), map(documents.get(i))));
                }
            }
        }
        return manifests;
    }

    /** The pods a label selector picks ({@code matchLabels} only; an empty selector picks every pod). */
    private static List<String> selected(Map<String, Map<String, Object>> pods, Map<String, Object> selector) {
        assertThat(selector).as("selectors use matchLabels only").isNotNull().containsOnlyKeys(selector.isEmpty()
                ? Set.of() : Set.of("matchLabels"));
        Map<String, Object> labels = selector.isEmpty() ? Map.of() : map(selector.get("matchLabels"));
        return pods.entrySet().stream().filter(pod -> pod.getValue().entrySet().containsAll(labels.entrySet()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * A policy peer as names: the pods of the namespace it selects; {@code namespace/app} or {@code namespace/*}
     * beyond it; {@code internet} (every address but the private ranges and the metadata service) or
     * {@code anywhere} for an ipBlock.
     */
    private static List<String> peers(Map<String, Map<String, Object>> pods, Map<String, Object> peer) {
        if (peer.containsKey("ipBlock")) {
            Map<String, Object> block = map(peer.get("ipBlock"));
            assertThat(block.get("cidr")).isEqualTo("0.0.0.0/0");
            if (block.get("except") == null) {
                return List.of("anywhere");
            }
            assertThat(list(block.get("except"))).containsExactlyInAnyOrder("10.0.0.0/8", "172.16.0.0/12",
                    "192.168.0.0/16", "169.254.0.0/16");
            return List.of("internet");
        }
        if (peer.containsKey("namespaceSelector")) {
            String namespace = (String) map(map(peer.get("namespaceSelector")).get("matchLabels"))
                    .get("kubernetes.io/metadata.name");
            Map<String, Object> podSelector = map(peer.get("podSelector"));
            return List.of(namespace + "/" + (podSelector == null ? "*"
                    : map(podSelector.get("matchLabels")).values().iterator().next()));
        }
        List<String> selected = selected(pods, map(peer.get("podSelector")));
        assertThat(selected).as("a peer selects a pod: " + peer).isNotEmpty();
        return selected;
    }

    private static Map<String, Object> podLabels(Manifest deployment) {
        return map(map(map(map(deployment.document().get("spec")).get("template")).get("metadata")).get("labels"));
    }

    private static List<Map<String, Object>> containers(Manifest deployment) {
        return list(map(spec(deployment, "template")).get("containers")).stream().map(StrictYaml::map).toList();
    }

    /** A container's plain environment variables by name; those from a Secret or ConfigMap with a null value. */
    private static Map<String, Object> env(Map<String, Object> container) {
        var env = new HashMap<String, Object>();
        list(container.get("env")).forEach(variable -> env.put((String) map(variable).get("name"),
                map(variable).get("value")));
        return env;
    }

    private static Object port(Map<String, Object> container) {
        return map(list(container.get("ports")).getFirst()).get("containerPort");
    }

    private static Object spec(Manifest deployment, String key) {
        return map(map(deployment.document().get("spec")).get(key)).get("spec");
    }
}
