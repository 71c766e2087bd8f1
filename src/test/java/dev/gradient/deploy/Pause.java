package dev.gradient.deploy;

/** The short wait between two polls of a container test. */
final class Pause {

    private Pause() {
    }

    /** Sleeps half a second; an interrupt is kept and ends the test. */
    static void briefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
