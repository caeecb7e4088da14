package dev.wareg.standalone;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One scripted conversation of {@code conversations.yaml}: what a person with this number says, line by line, and
 * what their account must hold at the end.
 *
 * @param account what account-api holds for the number before the first line (as its POST body without the phone),
 *                or null for a number without an account
 * @param expect  the account's values that must hold at the end, by API property (the address nested), or null when
 *                there must be no account at all ({@code expect: none})
 */
record ConversationScript(String id, String kind, String lang, Map<String, Object> account, List<String> say,
                          Map<String, Object> expect) {

    /** Reads the file; every scalar is text as written ({@code 01310100} stays a CEP, not an octal number). */
    static List<ConversationScript> read(InputStream yaml) {
        var options = new LoaderOptions();
        var reader = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TextScalars());
        Object document = reader.load(yaml);
        if (!(document instanceof List<?> entries)) {
            throw new IllegalArgumentException("conversations.yaml must be a list of conversations");
        }
        List<ConversationScript> scripts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            scripts.add(of(entries.get(i), "entry " + (i + 1)));
        }
        return scripts;
    }

    private static ConversationScript of(Object entry, String where) {
        if (!(entry instanceof Map<?, ?> members)) {
            throw new IllegalArgumentException(where + " is not a mapping");
        }
        String id = text(members, "id", where);
        where = where + " (" + id + ")";
        Object say = members.get("say");
        if (!(say instanceof List<?> lines) || lines.isEmpty() || !lines.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + ": say must be a list of lines");
        }
        Object expect = members.get("expect");
        Map<String, Object> expected;
        if ("none".equals(expect)) {
            expected = null;
        } else if (expect instanceof Map<?, ?> values) {
            expected = mapping(values);
        } else {
            throw new IllegalArgumentException(where + ": expect must be the fields that hold, or none");
        }
        Object account = members.get("account");
        if (account != null && !(account instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": account must be a mapping");
        }
        return new ConversationScript(id, text(members, "kind", where), text(members, "lang", where),
                account == null ? null : mapping((Map<?, ?>) account), lines.stream().map(String.class::cast).toList(),
                expected);
    }

    private static String text(Map<?, ?> members, String name, String where) {
        if (!(members.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + name + " is missing");
        }
        return value;
    }

    private static Map<String, Object> mapping(Map<?, ?> values) {
        var copy = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> copy.put(String.valueOf(name),
                value instanceof Map<?, ?> nested ? mapping(nested) : value));
        return copy;
    }

    /** YAML's implicit types except null: a CPF, a CEP, a date or a house number is read as the text it is. */
    private static final class TextScalars extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
