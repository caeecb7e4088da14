package dev.wareg.systemtests;

import static dev.wareg.systemtests.StrictYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The hardening of the deployment files that needs no tool: every image pinned to an exact version (compose, the
 * Kubernetes manifests, the Dockerfiles), nothing in Kubernetes published beside the cluster's own network, and no
 * secret committed in {@code deploy/} or any module's resources. The published ports and the users of the compose
 * containers are checked on compose's own reading of the files, in {@link ComposeDeploymentIntegrationTests}.
 */
class DeploymentHardeningTests {

    private static final Path ROOT = LocalDeployment.repositoryRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");

    /**
     * A tag names an exact version when it has three numeric parts (21.0.5_11-jre, v1.29.5, 3.13.7-management,
     * 20.18.1-slim; 3.13 is a line of versions); a digest pins whatever the tag says.
     */
    private static final Pattern EXACT_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([._+-][A-Za-z0-9._-]*)?");
    /** Images whose releases have two numeric parts: PostgreSQL since 10 (15.10 is one release, there is no 15.10.1). */
    private static final Map<String, Pattern> TWO_PART_RELEASES = Map.of("postgres",
            Pattern.compile("\\d+\\.\\d+([._+-][A-Za-z0-9._-]*)?"));

    /** The image references of every compose file, Kubernetes manifest and Dockerfile under deploy/. */
    @Test
    void everyImageIsPinnedToAnExactVersion() throws IOException {
        Map<String, String> images = new HashMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches(".*\\.ya?ml$")) {
                    for (Object document : StrictYaml.documents(file)) {
                        collectImages(document, DEPLOY.relativize(file).toString(), images);
                    }
                } else if (name.equals("Dockerfile") || name.endsWith(".Dockerfile")) {
                    Set<String> stages = new java.util.HashSet<>();
                    for (String line : Files.readAllLines(file)) {
                        Matcher from = Pattern.compile("(?i)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(line.trim());
                        if (from.find()) {
                            if (!stages.contains(from.group(1))) {
                                images.put(DEPLOY.relativize(file) + ": " + from.group(1), from.group(1));
                            }
                            Optional.ofNullable(from.group(2)).ifPresent(stages::add);
                        }
                    }
                }
            }
        }
        assertThat(images.values()).as("images found").contains("eclipse-temurin:21.0.5_11-jre", "postgres:15.10",
                "redis:7.4.1", "wareg/whatsapp-web-sidecar:0.1.0-SNAPSHOT", "node:20.18.1-slim");
        var soft = new SoftAssertions();
        images.forEach((where, image) -> soft.assertThat(unpinned(image)).as(where).isEmpty());
        soft.assertAll();
    }

    @Test
    void thePinCheckRefusesLatestNoTagAndMajorOrMinorTags() {
        for (String floating : List.of("ollama/ollama:latest", "ubuntu", "postgres:15", "redis:7", "node:20-slim",
                "eclipse-temurin:21-jre", "rabbitmq:3.13-management", "registry.example:5000/wareg/app",
                "redis:7.4", "postgres:15-bookworm")) {
            assertThat(unpinned(floating)).as(floating).isPresent();
        }
        for (String pinned : List.of("postgres:15.10", "postgres:15.10-bookworm", "eclipse-temurin:21.0.5_11-jre",
                "axllent/mailpit:v1.29.5",
                "registry.example:5000/wareg/app:0.1.0-SNAPSHOT", "redis@sha256:" + "ab".repeat(32),
                "postgres:15@sha256:" + "cd".repeat(32))) {
            assertThat(unpinned(pinned)).as(pinned).isEmpty();
        }
    }

    /**
     * Kubernetes publishes nothing of its own beyond the cluster's network: no NodePort or LoadBalancer Service, no
     * host port or host network. What is public (the Cloud API webhook) goes through the cluster's ingress
     * controller, which the NetworkPolicies admit to cloud-api alone.
     */
    @Test
    void noKubernetesPodOrServiceIsPublishedBesideTheIngressController() throws IOException {
        var soft = new SoftAssertions();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().matches(".*/k8s[^/]*/.*\\.ya?ml$")).sorted().toList()) {
                for (Object document : StrictYaml.documents(file)) {
                    Map<String, Object> manifest = map(document);
                    Map<String, Object> spec = map(manifest.get("spec"));
                    String where = DEPLOY.relativize(file) + " " + manifest.get("kind");
                    if ("Service".equals(manifest.get("kind")) && spec != null) {
                        soft.assertThat(spec.getOrDefault("type", "ClusterIP")).as(where).isEqualTo("ClusterIP");
                        soft.assertThat(spec).as(where).doesNotContainKey("externalIPs");
                    }
                    soft.assertThat(manifest.get("kind")).as(where).isNotEqualTo("Ingress");
                    String text = String.valueOf(document);
                    soft.assertThat(text).as(where).doesNotContain("hostPort=", "hostNetwork=true");
                }
            }
        }
        soft.assertAll();
    }

    /**
     * Nothing in {@code deploy/} or a module's resources looks like a secret: a private key, a token of a known
     * provider's shape, a long random-looking string, or a random-looking value given to a key, secret, token or
     * password. What is allowed is named here: the placeholders of {@code .env.example} and the Secret templates
     * ({@code replace-…}), the Service Bus emulator's documented fixed key, and the W3C Trace Context example ids
     * of the contract fixtures.
     */
    @Test
    void noSecretIsCommittedInTheDeploymentFilesOrTheResources() throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> scanned = scannedFiles();
        assertThat(scanned).as("files scanned").hasSizeGreaterThan(50)
                .contains(DEPLOY.resolve(".env.example"), DEPLOY.resolve("k8s/secrets.template.yaml"));
        for (Path file : scanned) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException binary) {
                continue;
            }
            secretsIn(text).forEach(finding -> findings.add(ROOT.relativize(file) + ": " + finding));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theSecretScanFindsKeysTokensAndRandomValues() {
        String random = "k3J9xQ2vL8mN4pR7sT1wY6zA5bC0dE";
        assertThat(secretsIn("-----BEGIN RSA PRIVATE KEY-----\nMIIE...")).isNotEmpty();
        assertThat(secretsIn("-----BEGIN OPENSSH PRIVATE KEY-----")).isNotEmpty();
        assertThat(secretsIn("aws: AKIAIOSFODNN7EXAMPLE")).isNotEmpty();
        assertThat(secretsIn("token: ghp_" + "a1B2c3D4e5".repeat(3) + "a1B2c3")).isNotEmpty();
        assertThat(secretsIn("WHATSAPP_ACCESS_TOKEN=EAAG" + random)).isNotEmpty();
        assertThat(secretsIn("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz"))
                .isNotEmpty();
        assertThat(secretsIn("SERVICE_AUTH_CHAT_SERVICE_KEY=" + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgq3Jx"))
                .isNotEmpty();
        assertThat(secretsIn("x: " + random)).isNotEmpty();
        assertThat(secretsIn("password: Tr0ub4dor&3xqZ!")).isNotEmpty();
        assertThat(secretsIn("""
                SERVICE_AUTH_CHAT_SERVICE_KEY=replace-with-chat-service-private-key
                SERVICE_AUTH_CHAT_SERVICE_PUBLIC_KEY=replace-with-chat-service-public-key
                  private-key: replace-me
                MSSQL_SA_PASSWORD=replace-Me-0123456789
                password: replace-me
                SPRING_DATA_REDIS_PASSWORD: ${REDIS_PASSWORD:?set REDIS_PASSWORD in deploy/.env}
                key: connection-string
                SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true
                WAREG_MESSAGING_SERVICEBUS_FULLYQUALIFIEDNAMESPACE
                image: eclipse-temurin:21.0.5_11-jre
                traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
                """)).isEmpty();
    }

    /** Why the image is not pinned, or nothing. */
    static Optional<String> unpinned(String image) {
        String reference = image;
        int at = reference.indexOf('@');
        if (at >= 0) {
            return reference.substring(at + 1).matches("sha256:[0-9a-f]{64}") ? Optional.empty()
                    : Optional.of("a digest that is not sha256");
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            return Optional.of("no tag: whatever latest is at the time of the pull");
        }
        String tag = reference.substring(colon + 1);
        if (tag.equals("latest")) {
            return Optional.of("latest");
        }
        String repository = reference.substring(0, colon);
        Pattern exact = TWO_PART_RELEASES.getOrDefault(repository, EXACT_TAG);
        return exact.matcher(tag).matches() ? Optional.empty()
                : Optional.of("the tag " + tag + " is a line of versions, not one (major.minor.patch)");
    }

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** Token shapes of well-known providers: AWS, GitHub, Slack, Google, Meta's access tokens, and JWTs. */
    private static final Pattern PROVIDER_TOKEN = Pattern.compile("\\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}"
            + "|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|EAA[A-Za-z0-9]{30,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{8,})");
    private static final Pattern HEX = Pattern.compile("\\b[0-9a-fA-F]{32,}\\b");
    private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+=_]{20,}");
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)(key|secret|token|password|passwd|pwd)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;}]+)");
    /** Values that look like secrets but are documented as not being any. */
    private static final Set<String> NOT_SECRETS = Set.of(
            // The Service Bus emulator's own, documented key (compose.yaml).
            "SAS_KEY_VALUE",
            // W3C Trace Context's example trace id, in the contract fixtures' traceparent.
            "4bf92f3577b34da6a3ce929d0e0e4736");

    /** What in {@code text} looks like a secret, each with the reason. */
    static List<String> secretsIn(String text) {
        List<String> findings = new ArrayList<>();
        if (PRIVATE_KEY.matcher(text).find()) {
            findings.add("a private key");
        }
        Matcher provider = PROVIDER_TOKEN.matcher(text);
        while (provider.find()) {
            findings.add("a provider's token: " + abbreviated(provider.group()));
        }
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            if (!NOT_SECRETS.contains(hex.group())) {
                findings.add("a long hex string: " + abbreviated(hex.group()));
            }
        }
        Matcher token = BASE64ISH.matcher(text);
        while (token.find()) {
            String value = token.group();
            if (!HEX.matcher(value).matches() && !NOT_SECRETS.contains(value) && value.matches(".*\\d.*")
                    && value.matches(".*[a-z].*") && value.matches(".*[A-Z].*") && entropy(value) >= 4.0) {
                findings.add("a random-looking string: " + abbreviated(value));
            }
        }
        Matcher assigned = ASSIGNED.matcher(text);
        while (assigned.find()) {
            String value = assigned.group(2);
            boolean placeholder = value.startsWith("replace-") || value.startsWith("${") || value.startsWith("$")
                    || value.startsWith("<") || value.contains("(") || NOT_SECRETS.contains(value);
            if (!placeholder && value.length() >= 12 && !value.matches("[A-Za-z_.:?-]+") && entropy(value) >= 3.5) {
                findings.add("a random-looking " + assigned.group(1) + ": " + abbreviated(value));
            }
        }
        return findings.stream().distinct().toList();
    }

    /** Shannon entropy in bits per character. */
    private static double entropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static String abbreviated(String value) {
        return value.length() <= 8 ? value : value.substring(0, 6) + "…(" + value.length() + " characters)";
    }

    /** deploy/ (but the local runs' state) and every module's src/main/resources and src/test/resources. */
    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String relative = ROOT.relativize(path).toString().replace('\\', '/');
                if (relative.contains("node_modules/") || relative.contains("/target/") || relative.startsWith(".git/")
                        || relative.startsWith("deploy/local/.run/")) {
                    continue;
                }
                if (relative.startsWith("deploy/") || relative.matches(".*/src/(main|test)/resources/.*")) {
                    files.add(path);
                }
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static void collectImages(Object node, String where, Map<String, String> images) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("image".equals(key) && value instanceof String image) {
                    images.put(where + ": " + image, image);
                } else {
                    collectImages(value, where, images);
                }
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectImages(item, where, images));
        }
    }
}
