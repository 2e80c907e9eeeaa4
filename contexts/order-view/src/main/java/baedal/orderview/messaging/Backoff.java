package baedal.orderview.messaging;

import java.time.Duration;

/**
 * How long a consumer waits after a failed poll or batch before it tries again: the initial wait, doubled after
 * each failure up to the maximum, and the initial wait again once a batch went through. A database or broker that
 * is down gets room to come back instead of a retry loop hammering it, and one that is back is used at once.
 */
final class Backoff {

    /** Waits; a seam so that tests of the loop need not sleep. */
    interface Sleeper {

        Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());

        void sleep(Duration wait) throws InterruptedException;
    }

    private final Duration initial;
    private final Duration max;
    private final Sleeper sleeper;
    private Duration current;

    Backoff(Duration initial, Duration max) {
        this(initial, max, Sleeper.THREAD);
    }

    Backoff(Duration initial, Duration max, Sleeper sleeper) {
        this.initial = initial;
        this.max = max;
        this.sleeper = sleeper;
        this.current = initial;
    }

    /** The wait the next {@link #pause()} makes. */
    Duration current() {
        return current;
    }

    /**
     * Waits the current time, then doubles it for the next failure. Returns false if the wait was interrupted;
     * the thread's interrupt flag is then set again, so the caller can end.
     */
    boolean pause() {
        boolean waited = true;
        try {
            sleeper.sleep(current);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            waited = false;
        }
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return waited;
    }

    /** A batch went through: the next failure waits the initial time again. */
    void reset() {
        current = initial;
    }
}
