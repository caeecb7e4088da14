package dev.wareg.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads which metrics a PromQL expression selects, and with which label matchers, so that tests can hold the
 * dashboards and alert rules to the metrics the services really expose. A scanner, not a parser: it knows
 * strings, ranges ({@code [5m]}, also Grafana's {@code [$__rate_interval]}), label lists ({@code by (...)}) and
 * that a name followed by {@code (} is a function; that is all PromQL needs for this. Syntax is promtool's job.
 */
final class PromQl {

    /** A metric as an expression selects it: {@code http_server_requests_seconds_count{status="200"}}. */
    record Selector(String metric, List<Matcher> matchers) {
    }

    /** {@code label op "value"}, op one of {@code = != =~ !~}. */
    record Matcher(String label, String op, String value) {
    }

    /** Keywords that read like names but select nothing. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "by",
            "without", "on", "ignoring", "group_left", "group_right", "atan2");
    /** May be followed by {@code by (...)} or {@code without (...)} before their parentheses. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Followed by a list of label names, not by an expression. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private PromQl() {
    }

    static List<Selector> selectors(String expression) {
        var selectors = new ArrayList<Selector>();
        String s = expression;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(s, i);
            } else if (c == '[') {
                i = s.indexOf(']', i) + 1;
            } else if (c == '#') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (c == '{') {
                var matchers = new ArrayList<Matcher>();
                i = matchers(s, i, matchers);
            } else if (startsName(s, i)) {
                int end = i;
                while (end < s.length() && isNamePart(s.charAt(end))) {
                    end++;
                }
                String name = s.substring(i, end);
                int next = skipSpaces(s, end);
                if (next < s.length() && s.charAt(next) == '(') {
                    // A function or aggregation reads on inside its parentheses; a label list is skipped whole.
                    i = LABEL_LISTS.contains(name) ? s.indexOf(')', next) + 1 : next + 1;
                } else if (LABEL_LISTS.contains(name) || KEYWORDS.contains(name) || AGGREGATIONS.contains(name)) {
                    i = end;
                } else {
                    var matchers = new ArrayList<Matcher>();
                    i = next < s.length() && s.charAt(next) == '{' ? matchers(s, next, matchers) : end;
                    selectors.add(new Selector(name, List.copyOf(matchers)));
                }
            } else {
                i++;
            }
        }
        return selectors;
    }

    /** Reads {@code {a="x", b=~"y"}} from {@code open} and returns the index after its closing brace. */
    private static int matchers(String s, int open, List<Matcher> matchers) {
        int i = open + 1;
        while (true) {
            i = skipSpaces(s, i);
            if (i >= s.length()) {
                throw new IllegalArgumentException("unclosed { in " + s);
            }
            if (s.charAt(i) == '}') {
                return i + 1;
            }
            if (s.charAt(i) == ',') {
                i++;
                continue;
            }
            int labelEnd = i;
            while (labelEnd < s.length() && isNamePart(s.charAt(labelEnd))) {
                labelEnd++;
            }
            String label = s.substring(i, labelEnd);
            i = skipSpaces(s, labelEnd);
            int opEnd = i;
            while (opEnd < s.length() && "=!~".indexOf(s.charAt(opEnd)) >= 0) {
                opEnd++;
            }
            String op = s.substring(i, opEnd);
            i = skipSpaces(s, opEnd);
            if (label.isEmpty() || op.isEmpty() || i >= s.length() || "\"'`".indexOf(s.charAt(i)) < 0) {
                throw new IllegalArgumentException("cannot read the label matchers of " + s);
            }
            int valueEnd = afterString(s, i);
            matchers.add(new Matcher(label, op, unescape(s.substring(i + 1, valueEnd - 1))));
            i = valueEnd;
        }
    }

    private static int afterString(String s, int open) {
        char quote = s.charAt(open);
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    private static String unescape(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }

    /** The start of a name: not inside a number ({@code 1e9}), a Grafana variable or a longer name. */
    private static boolean startsName(String s, int i) {
        char c = s.charAt(i);
        if (!(Character.isLetter(c) || c == '_' || c == ':')) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = s.charAt(i - 1);
        return !isNamePart(before) && before != '$' && before != '.';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
