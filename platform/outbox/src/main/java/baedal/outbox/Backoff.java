package baedal.outbox;

import java.time.Duration;

/** Pauses after consecutive failures: {@code initial}, then doubling up to {@code max}; a success resets it. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Records a failure and returns how long to pause before the next attempt. */
    Duration afterFailure() {
        Duration pause = pauseAfter(failures);
        failures++;
        return pause;
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }

    private Duration pauseAfter(int previousFailures) {
        if (previousFailures >= 62) {
            return max;
        }
        long millis = initial.toMillis();
        for (int i = 0; i < previousFailures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
