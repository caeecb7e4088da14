package dev.wareg.chat.interpretation;

import java.util.Set;

/** An intent and how sure the rules are of it: lower when only a misspelt keyword matched. */
record Reading(Intent intent, double confidence) {

    static Reading of(Intent intent, Words words, Set<String> keywords, double confidence) {
        boolean exact = words.raw().stream().anyMatch(keywords::contains);
        return new Reading(intent, exact ? confidence : confidence - 0.15);
    }
}
