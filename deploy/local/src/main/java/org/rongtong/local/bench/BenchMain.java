package org.rongtong.local.bench;

/**
 * How a benchmark's {@code main} ends: the in-process broker and the HTTP clients' pools leave non-daemon threads
 * behind, so the JVM is ended either way, with 1 after a failure (printed) and 0 otherwise. A failed run that stayed
 * alive held the build lock its script took until someone killed it.
 */
final class BenchMain {

    /** A benchmark's body. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    private BenchMain() {
    }

    static void run(String[] args, Body body) {
        try {
            body.run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
