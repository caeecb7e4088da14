package dev.wareg.platform.defaults;

import java.util.UUID;

/** Where new ids come from, injected so tests can predict them. */
@FunctionalInterface
public interface IdGenerator {

    UUID next();
}
