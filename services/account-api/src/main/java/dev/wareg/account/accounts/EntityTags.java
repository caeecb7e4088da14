package dev.wareg.account.accounts;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An account's entity tag is its version as a strong ETag, {@code "3"}
 * (<a href="https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3">RFC 9110 section 8.8.3</a>).
 */
final class EntityTags {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} value names. Empty when it names none: a weak tag (If-Match compares
     * strongly), a list, or a tag this API never issued; such a precondition cannot match, so the caller answers
     * 412.
     */
    static OptionalLong version(String ifMatch) {
        var matcher = VERSION_TAG.matcher(ifMatch.strip());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * {@code If-Match: *} only asks that the account exist; the caller treats it as no precondition at all,
     * since accepting it would bypass the lost-update check that If-Match is required for.
     */
    static boolean isWildcard(String ifMatch) {
        return ifMatch.strip().equals("*");
    }
}
