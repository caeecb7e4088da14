package dev.wareg.systemtests;

import dev.wareg.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distributed mode as {@code deploy/local/run.sh} starts it, on ports and a RabbitMQ namespace of its own so
 * that it never meets a system a developer is running, with its logs under {@code target/}. Closing it stops the
 * services and deletes the namespace.
 */
final class LocalDeployment implements AutoCloseable {

    private static final List<String> SERVICES = List.of("account-api", "chat-service", "update-worker", "web-chat",
            "cloud-api", "whatsapp-web");

    private final Path root;
    private final Path runDir;
    private final Map<String, String> environment;
    private final Map<String, Integer> ports;
    private final RabbitNamespace rabbit;

    LocalDeployment(Path root, Path runDir, Map<String, Integer> ports, Map<String, String> environment) {
        this.root = root;
        this.runDir = runDir;
        this.ports = ports;
        this.rabbit = RabbitNamespace.unique("wareg-" + runDir.getFileName());
        this.environment = new HashMap<>(environment);
        this.environment.put("WAREG_MESSAGING_RABBITMQ_NAMESPACE", rabbit.name());
    }

    RabbitNamespace rabbit() {
        return rabbit;
    }

    /**
     * A free port for each service whose management port is free too: {@code deploy/local/run.sh} gives a service the
     * management port {@code <prefix><its port's last two digits>}, which may be taken on this machine (an MQTT broker
     * on 1883) or be another service's.
     */
    static Map<String, Integer> ports(String managementPrefix, List<String> services) {
        Map<String, Integer> ports = new HashMap<>();
        var managementPorts = new HashSet<Integer>();
        for (String service : services) {
            int port;
            int management;
            do {
                port = FreePorts.next();
                management = Integer.parseInt(managementPrefix + String.format("%02d", port % 100));
            } while (managementPorts.contains(management) || !free(management));
            managementPorts.add(management);
            ports.put(service, port);
        }
        return ports;
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (!Files.exists(here.resolve("deploy/local/run.sh"))) {
            here = here.getParent();
        }
        return here;
    }

    URI uri(String service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    void start(String... services) {
        run("start", Map.of(), services);
    }

    /** Starts services with more environment, e.g. another address for a service they call. */
    void start(Map<String, String> more, String... services) {
        run("start", more, services);
    }

    void stop(String... services) {
        run("stop", Map.of(), services);
    }

    /** SIGKILL, as a crash. */
    void kill(String service) {
        run("kill", Map.of(), service);
    }

    Path log(String service) {
        return runDir.resolve(service + ".log");
    }

    /** Runs a command on this machine and fails if it does not succeed in time. */
    static void command(Path directory, Map<String, String> environment, long timeoutSeconds, String... command) {
        try {
            var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Path output = Files.createTempFile("command", ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s:\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
            Files.delete(output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(String action, Map<String, String> more, String... services) {
        var command = new ArrayList<>(List.of("bash", "deploy/local/run.sh", action));
        command.addAll(List.of(services));
        var env = new HashMap<>(environment);
        env.putAll(more);
        env.put("RUN_DIR", runDir.toString());
        // Every person of a run asks for a web chat code from this one address, thousands of them in some tests.
        env.putIfAbsent("WAREG_WEBCHAT_CODES_PERCLIENT", "1000000");
        env.putIfAbsent("WAREG_WEBCHAT_CODES_MAXPENDING", "100000");
        env.putIfAbsent("WAREG_WEBCHAT_SESSIONS_MAX", "100000");
        env.put("ACCOUNT_API_PORT", String.valueOf(ports.get("account-api")));
        env.put("CHAT_SERVICE_PORT", String.valueOf(ports.get("chat-service")));
        env.put("UPDATE_WORKER_PORT", String.valueOf(ports.get("update-worker")));
        env.put("WEB_CHAT_PORT", String.valueOf(ports.get("web-chat")));
        if (ports.containsKey("cloud-api")) {
            env.put("CLOUD_API_PORT", String.valueOf(ports.get("cloud-api")));
        }
        if (ports.containsKey("whatsapp-web")) {
            env.put("WHATSAPP_WEB_PORT", String.valueOf(ports.get("whatsapp-web")));
        }
        env.put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
                .toString());
        // A busy machine (two cores, other builds) can take minutes to start a JVM: wait, rather than fail a run
        // for what is no fault of the system.
        env.putIfAbsent("START_TIMEOUT", "300");
        command(root, env, 900, command.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            stop(SERVICES.toArray(String[]::new));
        } finally {
            rabbit.delete();
        }
    }
}
