package dev.wareg.webchat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries a web chat session's id. HttpOnly, so script on the page (or injected into it) cannot
 * read it; SameSite=Strict, so no other site can make a browser send it (the API's cross-site request forgery
 * defence, with its JSON-only bodies); Secure whenever the page came over HTTPS; no Max-Age, so it ends with the
 * browser session at the latest, and the server ends it sooner when idle.
 */
final class SessionCookie {

    static final String NAME = "web-chat-session";
    /** Covers the API (and nothing else the host application serves). */
    static final String PATH = "/web-chat";

    private SessionCookie() {
    }

    static ResponseCookie issue(String sessionId, boolean secure) {
        return ResponseCookie.from(NAME, sessionId)
                .httpOnly(true).secure(secure).sameSite("Strict").path(PATH).build();
    }

    /**
     * The session id the request carries, as sent, or null. Not {@code @CookieValue}: it URL-decodes the value, and a
     * stray {@code %} (which no session id holds, but anyone can send) makes it throw, answered with a 500.
     */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(NAME)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static ResponseCookie clear(boolean secure) {
        return ResponseCookie.from(NAME, "")
                .httpOnly(true).secure(secure).sameSite("Strict").path(PATH).maxAge(0).build();
    }
}
