package baedal.outbox;

import java.time.Duration;

/** Something done every {@code interval} on a monotonic clock (nanoseconds); due at once at first. */
final class Schedule {

    private final long intervalNanos;
    private long dueAt;
    private boolean started;

    Schedule(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Whether it is due at {@code now}; if so, the next time is one interval later. */
    boolean due(long now) {
        if (started && now - dueAt < 0) {
            return false;
        }
        started = true;
        dueAt = now + intervalNanos;
        return true;
    }

    /** Due at {@code now} (System.nanoTime). */
    boolean dueNow() {
        return due(System.nanoTime());
    }
}
