package dev.wareg.platform.defaults;

/**
 * Naming what went wrong in a call to another system without quoting it: exception messages may carry URLs or
 * values (a CEP, a person's text), so adapters log the kind of failure found in the cause chain instead.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether the failure, or anything in its cause chain, is of this kind. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The simple class name of the innermost cause: a kind, never a message. */
    public static String rootCauseName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
