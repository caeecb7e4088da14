package dev.wareg.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("wareg.standalone")
record StandaloneProperties(@DefaultValue Database database) {

    /**
     * @param port          the embedded PostgreSQL's port; 0 picks a free one
     * @param dataDirectory where it keeps its files across restarts (application.properties: {@code ~/.wareg/postgres})
     * @param temporary     a throwaway run: a fresh database removed at the end, whatever {@code dataDirectory} says
     */
    record Database(@DefaultValue("0") int port, Path dataDirectory, boolean temporary) {

        /** Where the data is kept, or null for a temporary database. */
        Path keptIn() {
            return temporary ? null : dataDirectory;
        }
    }
}
