package dev.wareg.chat.api;

import dev.wareg.platform.defaults.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call {@code POST /api/interpret}: without a token, callers on this machine only (the request comes from a
 * loopback address; anyone else gets 403); with {@code wareg.chat.interpret-endpoint.token}, whoever sends it as a
 * bearer token (RFC 6750), and nobody else (401). Runs before the body is read.
 * <p>
 * The loopback rule trusts the connection's address: behind a reverse proxy on the same machine every caller looks
 * local, unless {@code server.forward-headers-strategy} makes the address the client's. Set a token there.
 */
final class InterpretEndpointAccess extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InterpretEndpointAccess.class);
    // The auth scheme is case-insensitive (RFC 9110, section 11.1); the token is taken as is.
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +");

    // The token's SHA-256, or null without one: digests of equal length are compared in constant time, so neither the
    // token's content nor its length shows in how long a refusal takes.
    private final byte[] tokenDigest;
    private final JsonMapper json;

    InterpretEndpointAccess(String token, JsonMapper json) {
        this.tokenDigest = token.isEmpty() ? null : sha256(token);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenDigest == null) {
            if (isLoopback(request.getRemoteAddr())) {
                chain.doFilter(request, response);
                return;
            }
            // The address stays out of the log: it may be a person's.
            log.warn("Refused POST /api/interpret from another machine: the endpoint has no token, so it answers "
                    + "loopback callers only");
            Problems.write(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "This endpoint answers callers on its own machine only, unless a token is configured "
                            + "(wareg.chat.interpret-endpoint.token) and sent as a bearer token."),
                    request, response, json);
            return;
        }
        if (presentsToken(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused POST /api/interpret: no bearer token or not the configured one");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Send the configured token: Authorization: Bearer <token>."), request, response, json);
    }

    private boolean presentsToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        var scheme = BEARER.matcher(authorization);
        if (!scheme.lookingAt()) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(scheme.end())));
    }

    /** The servlet container gives an IP literal, so this resolves nothing; anything else is not loopback. */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()
                || !(address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
