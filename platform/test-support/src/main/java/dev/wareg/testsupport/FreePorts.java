package dev.wareg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts, known before they start (services that call each other need them up front). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free on this machine now; the system may give it to another process before the test binds it. */
    public static int next() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
