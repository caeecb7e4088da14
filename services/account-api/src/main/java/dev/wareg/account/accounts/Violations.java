package dev.wareg.account.accounts;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request, so one response can name every problem instead of the first. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String field, String code, String message) {
        found.add(new Violation(field, code, message));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequest(found);
        }
    }
}
