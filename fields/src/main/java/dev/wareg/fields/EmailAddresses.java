package dev.wareg.fields;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses as people can actually receive them: the practical subset of RFC 5321/5322.
 * <ul>
 *   <li>local part: dot-atom only (RFC 5322 section 3.2.3), at most 64 octets (RFC 5321 section 4.5.3.1.1);
 *       quoted local parts and comments are refused on purpose: no mailbox provider people use hands them out,
 *       and they are far more often typing mistakes;</li>
 *   <li>domain: internationalised names are converted with IDNA (UTS #46 via {@link IDN}), each label 1-63
 *       characters without leading or trailing hyphens, at most 253 characters, a top-level domain present;</li>
 *   <li>the whole address at most 254 characters (RFC 5321 path limit minus the angle brackets).</li>
 * </ul>
 * The whole address is lower-cased. RFC 5321 lets the receiving host read the local part's case, but no mailbox
 * provider people use does, and people type it as it comes ("Helena.Castro@Empresa.com.br"): kept as typed, the same
 * mailbox would be two addresses, and a second account could claim it.
 * A domain one typing slip away from a popular provider is refused with the likely intended address.
 */
public final class EmailAddresses implements FieldValidator {

    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** Domains most used in Brazil, from which a one- or two-letter slip is almost surely a mistake. */
    private static final List<String> POPULAR_DOMAINS = List.of(
            "gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "yahoo.com.br", "icloud.com", "live.com",
            "hotmail.com.br", "outlook.com.br", "uol.com.br", "bol.com.br", "terra.com.br", "globo.com",
            "msn.com", "proton.me", "protonmail.com", "me.com");

    /** Real providers that happen to be a slip away from a popular one: never "corrected". */
    private static final List<String> LOOKALIKE_PROVIDERS = List.of(
            "mail.com", "email.com", "ymail.com", "gmx.com", "gmx.net", "live.com.br", "ig.com.br", "oi.com.br");

    @Override
    public Validation validate(String raw) {
        String candidate = raw.strip();
        if (candidate.regionMatches(true, 0, "mailto:", 0, 7)) {
            candidate = candidate.substring(7);
        }
        if (candidate.isEmpty()) {
            return Validation.invalid("empty");
        }
        if (candidate.length() > 254) {
            return Validation.invalid("too-long");
        }
        int at = candidate.lastIndexOf('@');
        if (at < 0 || candidate.indexOf('@') != at) {
            return Validation.invalid("format");
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !DOT_ATOM.matcher(local).matches()) {
            return Validation.invalid("format");
        }
        String asciiDomain = asciiDomain(domain);
        if (asciiDomain == null) {
            return Validation.invalid("format");
        }
        String suggestion = likelyIntendedDomain(asciiDomain);
        if (suggestion != null) {
            return Validation.invalid("typo", local + "@" + suggestion);
        }
        return Validation.valid(local.toLowerCase(Locale.ROOT) + "@" + IDN.toUnicode(asciiDomain).toLowerCase(Locale.ROOT));
    }

    private static String asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain.toLowerCase(Locale.ROOT), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > 253 || ascii.endsWith(".")) {
            return null;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches() ? ascii : null;
    }

    private static String likelyIntendedDomain(String domain) {
        if (POPULAR_DOMAINS.contains(domain) || LOOKALIKE_PROVIDERS.contains(domain)) {
            return null;
        }
        for (String popular : POPULAR_DOMAINS) {
            int allowed = popular.length() >= 10 ? 2 : 1;
            if (EditDistance.within(domain, popular, allowed)) {
                return popular;
            }
        }
        return null;
    }
}
