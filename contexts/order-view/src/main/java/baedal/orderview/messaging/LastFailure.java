package baedal.orderview.messaging;

import java.time.Clock;
import java.time.Instant;

/**
 * The last poll or batch that failed and is being retried, for the health report: a projector that retries for
 * ever looks healthy from outside, so the reason it retries must be visible somewhere.
 */
final class LastFailure {

    // one volatile record, so that a reader never sees the error of one failure with the time of another
    private record Failure(String error, Instant at) {
    }

    private final Clock clock;
    private volatile Failure last;

    LastFailure(Clock clock) {
        this.clock = clock;
    }

    void record(RuntimeException failure) {
        last = new Failure(failure.toString(), clock.instant());
    }

    /** The last failure, {@code null} if none yet. */
    String error() {
        Failure failure = last;
        return failure == null ? null : failure.error();
    }

    /** When the last failure happened, {@code null} if none yet. */
    Instant at() {
        Failure failure = last;
        return failure == null ? null : failure.at();
    }
}
