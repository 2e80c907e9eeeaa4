package baedal.bench.baseline;

/**
 * Times a backlog's drain from polls of the pending count: from the first poll that saw it drop (rows published
 * before that poll are not counted, as their time is unknown) to the first poll that saw none left.
 */
final class DrainTimer {

    private final long backlog;
    private long last;
    private long fromNanos;
    private long fromPending = -1;
    private long toNanos = -1;

    /** @param backlog the pending count polled before the relays could publish */
    DrainTimer(long backlog) {
        this.backlog = backlog;
        this.last = backlog;
    }

    /** Takes the pending count polled at {@code nanos}; returns whether the backlog is gone. */
    boolean observe(long nanos, long pending) {
        if (fromPending < 0 && pending < last) {
            fromNanos = nanos;
            fromPending = pending;
        }
        last = pending;
        if (pending == 0) {
            toNanos = nanos;
            return true;
        }
        return false;
    }

    /** The timed drain; fails if there was none, it did not finish, or it finished between two polls. */
    Drain drain() throws BaselineFailed {
        if (backlog == 0) {
            throw new BaselineFailed("no backlog built up while Kafka was down");
        }
        if (toNanos < 0) {
            throw new BaselineFailed("the relays did not drain the backlog in time: " + last + " of " + backlog
                    + " rows still pending" + (fromPending < 0 ? ", none published" : ""));
        }
        if (fromPending <= 0 || toNanos <= fromNanos) {
            throw new BaselineFailed("the backlog of " + backlog + " rows drained between two polls: too fast to "
                    + "time");
        }
        return new Drain(fromPending, (toNanos - fromNanos) / 1e9);
    }
}
