package dev.wareg.bench;

import dev.wareg.platform.defaults.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts the load generator reads and changes: {@code bench.accounts} of them, with the phones
 * +5511987000000, +5511987000001, ... Each is looked up by phone and registered only if missing, through the API
 * like any client would, so a database kept from an earlier run is reused as it is. The result goes to
 * {@code accounts.csv}, one {@code id,phone,version} line per account in phone order, written last: its presence
 * means the launcher is ready.
 */
@Component
class SeededAccounts {

    static final String NAME = "accounts.csv";
    static final int MAX_ACCOUNTS = 1_000_000;
    private static final long FIRST_PHONE = 5511987000000L;
    /** Enough to keep the service busy while seeding without queueing on its connection pool. */
    private static final int PARALLEL_REQUESTS = 8;
    private static final Logger log = LoggerFactory.getLogger(SeededAccounts.class);

    private final BenchProperties properties;
    private final ServiceTokens tokens;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SeededAccounts(BenchProperties properties, ServiceTokens tokens, JsonMapper json) {
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
    }

    record Seeded(String id, String phone, long version) {
    }

    @EventListener
    void seed(ApplicationReadyEvent ready) throws IOException, InterruptedException, ExecutionException {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        URI accounts = URI.create("http://127.0.0.1:" + port + "/v1/accounts");
        var registered = new AtomicInteger();
        List<Callable<Seeded>> tasks = new ArrayList<>();
        for (int i = 0; i < properties.accounts(); i++) {
            String phone = "+" + (FIRST_PHONE + i);
            tasks.add(() -> existing(accounts, phone, registered));
        }
        List<String> lines = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
            for (Future<Seeded> account : pool.invokeAll(tasks)) {
                Seeded seeded = account.get();
                lines.add(seeded.id() + "," + seeded.phone() + "," + seeded.version());
            }
        }
        Path file = properties.outputDir().resolve(NAME);
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(NAME + ".tmp");
        Files.write(next, lines);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Benchmark ready on port {}: {} accounts ({} registered now) in {}", port, lines.size(),
                registered.get(), file.toAbsolutePath());
    }

    private Seeded existing(URI accounts, String phone, AtomicInteger registered)
            throws IOException, InterruptedException {
        var found = http.send(request(URI.create(accounts + "?phone=%2B" + phone.substring(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() == 200) {
            return seeded(found.body());
        }
        if (found.statusCode() != 404) {
            throw unexpected("GET " + phone, found);
        }
        int n = (int) (Long.parseLong(phone.substring(1)) - FIRST_PHONE);
        String body = json.writeValueAsString(new NewAccount(phone, "Maria Souza", "seed-" + n + "@example.com"));
        var created = http.send(request(accounts)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw unexpected("POST " + phone, created);
        }
        registered.incrementAndGet();
        return seeded(created.body());
    }

    private record NewAccount(String phone, String name, String email) {
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", tokens.authorization());
    }

    private Seeded seeded(String body) {
        JsonNode account = json.readTree(body);
        return new Seeded(account.get("id").asString(), account.get("phone").asString(),
                account.get("version").asLong());
    }

    private static IllegalStateException unexpected(String what, HttpResponse<String> response) {
        return new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
    }
}
