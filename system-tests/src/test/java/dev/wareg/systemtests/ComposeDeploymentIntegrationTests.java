package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.wareg.systemtests.Tool.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose.yaml} and {@code deploy/compose.observability.yaml} cannot run here (no Docker engine), so
 * they are checked as Compose reads them ({@code docker-compose config}, Debian's docker-compose; {@code .ci/run}
 * installs it): valid alone and together, with every service, limits on every container, the chat consulting
 * the local model, both halves of the WhatsApp Web channel, and a Redis that keeps its state.
 */
class ComposeDeploymentIntegrationTests {

    private static final Path DEPLOY = LocalDeployment.repositoryRoot().resolve("deploy");

    @Test
    void theComposeDeploymentIsValidAndTurnsTheLocalModelOn() throws Exception {
        Result config = compose("-f", "compose.yaml");

        assertThat(config.exitValue()).as(config.output()).isZero();
        String resolved = config.output();
        assertThat(resolved).contains("  account-api:", "  chat-service:", "  update-worker:", "  web-chat:", "  cloud-api:",
                "  postgres:", "  redis:", "  rabbitmq:", "  ollama:", "  ollama-model:", "  whatsapp-web:",
                "  whatsapp-web-sidecar:");
        assertThat(resolved).contains("WAREG_CHAT_LLM_ENABLED: \"true\"", "WAREG_CHAT_LLM_BASEURL: http://ollama:11434",
                "WAREG_MESSAGING_BUS: rabbitmq", "WAREG_CHAT_CONVERSATIONSTORE: redis", "WAREG_CLOUDAPI_DEDUPE: redis");
        assertThat(resolved).contains("image: rabbitmq:3.13.7-management");
    }

    @Test
    void theWhatsAppWebChannelRunsBothHalvesAndPublishesThePairingPageOnThisMachineOnly() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Map<String, Object>> services = services(config);

        assertThat(environment(services.get("whatsapp-web")))
                .containsEntry("WHATSAPP_WEB_SIDECAR_URL", "http://whatsapp-web-sidecar:3000")
                .containsEntry("WAREG_WHATSAPPWEB_DEDUPE", "redis")
                .containsEntry("WHATSAPP_WEB_SECRET", "replace-me");
        Map<String, Object> sidecar = services.get("whatsapp-web-sidecar");
        assertThat(environment(sidecar)).containsEntry("WAREG_CHANNEL_URL", "http://whatsapp-web:8085")
                .containsEntry("WHATSAPP_WEB_AUTH", "redis").containsEntry("REDIS_URL", "redis://redis:6379")
                .containsEntry("WHATSAPP_WEB_SECRET", "replace-me").containsEntry("PORT", "3000");
        assertThat(sidecar.get("profiles")).isEqualTo(List.of("whatsapp-web"));
        assertThat(sidecar.get("ports")).as("the status page lets whoever reaches it pair their own account")
                .isEqualTo(List.of("127.0.0.1:3000:3000/tcp"));
        assertThat(sidecar).containsKeys("healthcheck", "restart", "user");
        assertThat(String.valueOf(sidecar.get("healthcheck"))).contains("/health");
        assertThat(String.valueOf(sidecar.get("depends_on"))).contains("redis={condition=service_healthy}");
    }

    @Test
    void theWebChatIsADemoOnThisMachineOnlyWithItsCodesOnThePage() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Object> webChat = services(config).get("web-chat");

        assertThat(webChat.get("profiles")).isEqualTo(List.of("demo"));
        assertThat(webChat.get("ports")).as("the demo phone panel shows any number's code to whoever reaches it")
                .isEqualTo(List.of("127.0.0.1:8084:8084/tcp"));
        assertThat(environment(webChat)).containsEntry("WAREG_WEBCHAT_CODEDELIVERY", "phone-panel")
                .containsEntry("WAREG_MESSAGING_BUS", "rabbitmq");
    }

    @Test
    void redisKeepsItsStateAcrossRestartsAndNeverEvictsIt() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Object> redis = services(config).get("redis");

        assertThat(redis.get("command")).asInstanceOf(LIST)
                .containsSequence("--appendonly", "yes").containsSequence("--maxmemory-policy", "noeviction")
                .doesNotContain("no");
        assertThat(String.valueOf(redis.get("volumes"))).contains("redis:/data");
    }

    @Test
    void theObservabilityStackIsValidAloneAndWithTheServices() throws Exception {
        Result alone = compose("-f", "compose.observability.yaml");
        assertThat(alone.exitValue()).as(alone.output()).isZero();

        Result together = compose("-f", "compose.yaml", "-f", "compose.observability.yaml");
        assertThat(together.exitValue()).as(together.output()).isZero();
        assertThat(services(together)).containsKeys("account-api", "rabbitmq", "otel-collector", "jaeger",
                "prometheus", "grafana");
        // The UIs without a login are published on this machine only.
        assertThat(together.output()).contains("127.0.0.1:3001:3000/tcp", "127.0.0.1:9090:9090/tcp",
                "127.0.0.1:16686:16686/tcp", "127.0.0.1:15672:15672/tcp");
    }

    @Test
    void everyContainerHasCpuAndMemoryLimits() throws Exception {
        Result together = compose("-f", "compose.yaml", "-f", "compose.observability.yaml");
        assertThat(together.exitValue()).as(together.output()).isZero();

        services(together).forEach((name, service) -> assertThat(limits(service)).as(name + " deploy.resources.limits")
                .containsKeys("cpus", "memory"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningServiceHasAHealthCheckAndTheChatWaitsForAHealthyAccountApi() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Map<String, Object>> services = services(config);

        // ollama-model runs once (it pulls the model) and exits.
        services.forEach((name, service) -> {
            if (!name.equals("ollama-model")) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            }
        });
        for (String waiting : List.of("chat-service", "update-worker")) {
            var dependsOn = (Map<String, Map<String, Object>>) services.get(waiting).get("depends_on");
            assertThat(dependsOn.get("account-api")).as(waiting + " depends_on account-api")
                    .containsEntry("condition", "service_healthy");
        }
        // Its readiness includes the sidecar's session, which needs the channel first: the sidecar must not wait
        // for it to be healthy, and its own health check is liveness.
        assertThat(services.get("whatsapp-web").get("healthcheck").toString()).contains("/actuator/health/liveness");
    }

    /**
     * With the profile azure and {@code WAREG_MESSAGING_BUS=azure-service-bus}, the services use the Service Bus
     * emulator, by its own connection string, and the emulator keeps its state in the SQL Edge beside it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAzureProfileRunsTheServiceBusEmulatorAndPointsTheServicesAtIt() throws Exception {
        Result config = Tool.required("docker-compose", "docker-compose").run(DEPLOY,
                Map.of("WAREG_MESSAGING_BUS", "azure-service-bus"),
                "-f", "compose.yaml", "--env-file", ".env.example", "--profile", "azure", "config");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Map<String, Object>> services = services(config);
        Map<String, Object> emulator = services.get("servicebus-emulator");
        assertThat(String.valueOf(emulator.get("image"))).matches("mcr\\.microsoft\\.com/azure-messaging/servicebus-emulator:[0-9.]+");
        assertThat(String.valueOf(services.get("servicebus-sqledge").get("image"))).matches("mcr\\.microsoft\\.com/azure-sql-edge:[0-9.]+");
        assertThat(environment(emulator)).containsEntry("SQL_SERVER", "servicebus-sqledge");
        assertThat(String.valueOf(emulator.get("volumes"))).contains("servicebus-emulator/Config.json");
        for (String service : List.of("account-api", "chat-service", "update-worker")) {
            assertThat(environment(services.get(service))).as(service)
                    .containsEntry("WAREG_MESSAGING_BUS", "azure-service-bus")
                    .hasEntrySatisfying("WAREG_MESSAGING_SERVICEBUS_CONNECTION_STRING", value -> assertThat(
                            String.valueOf(value)).contains("sb://servicebus-emulator").contains("UseDevelopmentEmulator=true"));
        }
    }

    /**
     * Published on the host beyond this machine: only the Cloud API webhook's port, which Meta must reach through an
     * HTTPS reverse proxy, and even that on 127.0.0.1 unless CLOUD_API_ADDRESS says otherwise. Everything else is
     * published on 127.0.0.1 (the UIs, the demo web chat, the pairing page) or not at all (account-api with its
     * Swagger and metrics, chat-service, the stores).
     */
    @Test
    void onlyTheWebhookMayBePublishedBeyondThisMachine() throws Exception {
        Result together = compose("-f", "compose.yaml", "-f", "compose.observability.yaml");
        assertThat(together.exitValue()).as(together.output()).isZero();
        Map<String, Map<String, Object>> services = services(together);
        services.forEach((name, service) -> {
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                Published published = Published.of(port);
                if (!published.onLoopback()) {
                    assertThat(PUBLIC_PORTS).as("%s publishes %s beyond this machine", name, port)
                            .contains(name + ":" + published.target());
                }
            }
        });
        for (String internal : List.of("account-api", "chat-service", "update-worker", "whatsapp-web", "postgres",
                "redis", "ollama", "otel-collector")) {
            assertThat(services.get(internal)).as(internal).doesNotContainKey("ports");
        }
        assertThat(services.get("cloud-api").get("ports")).isEqualTo(List.of("127.0.0.1:8082:8082/tcp"));

        Result opened = Tool.required("docker-compose", "docker-compose").run(DEPLOY,
                Map.of("CLOUD_API_ADDRESS", "0.0.0.0"), "-f", "compose.yaml", "--env-file", ".env.example",
                "--profile", "whatsapp", "config");
        assertThat(opened.exitValue()).as(opened.output()).isZero();
        assertThat(Published.of(((List<?>) services(opened).get("cloud-api").get("ports")).getFirst()).onLoopback())
                .isFalse();
    }

    /**
     * Every container runs as a user other than root, but for the exceptions each says why in x-runs-as-root and
     * docs/security.md lists; a new exception is a decision written down here. Each file is read alone: compose
     * drops extension fields of services when it merges files.
     */
    @Test
    void everyContainerRunsAsAUserOtherThanRootOrSaysWhy() throws Exception {
        var services = new java.util.TreeMap<String, Map<String, Object>>();
        for (String file : List.of("compose.yaml", "compose.observability.yaml")) {
            Result config = compose("-f", file);
            assertThat(config.exitValue()).as(config.output()).isZero();
            services.putAll(services(config));
        }
        assertThat(services).containsKeys("account-api", "postgres", "redis", "whatsapp-web-sidecar", "grafana");
        String security = java.nio.file.Files.readString(LocalDeployment.repositoryRoot().resolve("docs/security.md"));
        var exceptions = new java.util.TreeMap<String, Object>();
        services.forEach((name, service) -> {
            Object why = service.get("x-runs-as-root");
            if (why != null) {
                exceptions.put(name, why);
                assertThat(String.valueOf(why)).as(name + " x-runs-as-root").hasSizeGreaterThan(40);
                assertThat(security).as("docs/security.md names the exception " + name).contains("`" + name + "`");
            } else {
                assertThat(service.get("user")).as(name + " user").isNotNull();
                assertThat(String.valueOf(service.get("user"))).as(name + " user").doesNotMatch("(root|0)(:.*)?");
            }
        });
        assertThat(exceptions.keySet()).containsExactly("ollama", "ollama-model", "servicebus-emulator");
    }

    /** Redis asks for REDIS_PASSWORD, and every client gives it: the Java services, the sidecar, the health check. */
    @Test
    void redisAsksForItsPasswordAndEveryClientGivesIt() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Map<String, Object>> services = services(config);
        Map<String, Object> redis = services.get("redis");
        assertThat(redis.get("command")).asInstanceOf(LIST).containsSequence("--requirepass", "replace-me");
        assertThat(environment(redis)).containsEntry("REDISCLI_AUTH", "replace-me");
        for (String java : List.of("account-api", "chat-service", "update-worker", "web-chat", "cloud-api",
                "whatsapp-web")) {
            assertThat(environment(services.get(java))).as(java).containsEntry("SPRING_DATA_REDIS_PASSWORD", "replace-me")
                    .containsEntry("REDIS_HOST", "redis");
        }
        assertThat(environment(services.get("whatsapp-web-sidecar"))).containsEntry("REDIS_PASSWORD", "replace-me")
                .containsEntry("WHATSAPP_WEB_AUTH_KEY", "replace-me")
                // Beyond loopback (the Java half calls it over the network) only with a token for /status.
                .containsEntry("HOST", "0.0.0.0").containsEntry("WHATSAPP_WEB_STATUS_TOKEN", "replace-me");
    }

    /** account-api connects as its own role, made by the init script for a new postgres volume, never as postgres. */
    @Test
    void accountApiConnectsAsItsOwnRoleNotTheSuperuser() throws Exception {
        Result config = compose("-f", "compose.yaml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        Map<String, Map<String, Object>> services = services(config);
        Map<String, Object> accountApi = environment(services.get("account-api"));
        assertThat(accountApi).containsEntry("ACCOUNT_DB_USER", "account_api")
                .containsEntry("ACCOUNT_DB_URL", "jdbc:postgresql://postgres:5432/accounts");
        Map<String, Object> postgres = environment(services.get("postgres"));
        assertThat(postgres).containsEntry("ACCOUNT_DB_USER", accountApi.get("ACCOUNT_DB_USER"))
                .containsEntry("ACCOUNT_DB_PASSWORD", accountApi.get("ACCOUNT_DB_PASSWORD"))
                .containsEntry("ACCOUNT_DB_NAME", "accounts").doesNotContainKey("POSTGRES_DB");
        assertThat(String.valueOf(services.get("postgres").get("volumes"))).contains("/docker-entrypoint-initdb.d");
        String script = java.nio.file.Files.readString(DEPLOY.resolve("postgres/init/10-account-api-role.sh"));
        assertThat(script).contains("NOSUPERUSER NOCREATEDB NOCREATEROLE", "OWNER :\"role\"",
                "REVOKE ALL ON DATABASE :\"database\" FROM PUBLIC");
    }

    /** The ports the internet may reach, as service:container port: the Cloud API webhook. */
    private static final Set<String> PUBLIC_PORTS = Set.of("cloud-api:8082");

    /** A published port as {@code docker-compose config} writes it: {@code [ip:]published:target[/protocol]}. */
    private record Published(String hostIp, String target) {

        static Published of(Object port) {
            if (port instanceof Map<?, ?> longSyntax) {
                return new Published(String.valueOf(longSyntax.get("host_ip")), String.valueOf(longSyntax.get("target")));
            }
            String[] parts = String.valueOf(port).replaceAll("/(tcp|udp)$", "").split(":");
            return new Published(parts.length == 3 ? parts[0] : "0.0.0.0", parts[parts.length - 1]);
        }

        boolean onLoopback() {
            return hostIp.equals("127.0.0.1") || hostIp.equals("::1");
        }
    }

    /** {@code docker-compose ... config} with the example settings and every profile on. */
    private static Result compose(String... files) throws Exception {
        var arguments = new java.util.ArrayList<>(List.of(files));
        arguments.addAll(List.of("--env-file", ".env.example", "--profile", "whatsapp", "--profile", "whatsapp-web",
                "--profile", "demo", "--profile", "azure", "config"));
        return Tool.required("docker-compose", "docker-compose").run(DEPLOY, arguments.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Result config) {
        return (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(config.output()).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(Map<String, Object> service) {
        var deploy = (Map<String, Object>) service.getOrDefault("deploy", Map.of());
        var resources = (Map<String, Object>) deploy.getOrDefault("resources", Map.of());
        return (Map<String, Object>) resources.getOrDefault("limits", Map.of());
    }
}
