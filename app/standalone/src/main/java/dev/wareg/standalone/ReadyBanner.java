package dev.wareg.standalone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the embedded default is ready, says where to open it: the web chat, health, and Swagger UI when the
 * profile {@code dev} serves it. The address is the one it listens on ({@code server.address}), as
 * {@code localhost} when that is loopback, and the port the one it got (so {@code server.port=0} shows the real one).
 */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://" + host(environment.getProperty("server.address")) + ":" + web.getWebServer().getPort();
        var banner = new StringBuilder("Ready. Web chat: ").append(base).append("/  Health: ").append(base)
                .append("/health");
        if (environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, false)) {
            banner.append("  Swagger UI: ").append(base)
                    .append(environment.getProperty("springdoc.swagger-ui.path", "/swagger"));
        }
        log.info("{}", banner);
    }

    static String host(String address) {
        if (address == null || address.isBlank()) {
            return "localhost";
        }
        try {
            InetAddress resolved = InetAddress.getByName(address);
            if (resolved.isLoopbackAddress() || resolved.isAnyLocalAddress()) {
                return "localhost";
            }
        } catch (UnknownHostException unknown) {
            return address;
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
