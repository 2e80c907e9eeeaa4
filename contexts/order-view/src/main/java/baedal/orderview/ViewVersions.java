package baedal.orderview;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes readers who wait for an order's document to reach a version (read-your-writes). The projector calls
 * {@link #advanced(Map)} right after each commit, so a waiting reader re-reads at once instead of sleeping in
 * a loop. Documents projected by another instance's consumer send no signal here: a waiter therefore also
 * re-reads every {@link #RECHECK} until its deadline.
 */
public final class ViewVersions {

    /** How often a waiter re-reads when no signal comes (another instance may have projected the order). */
    public static final Duration RECHECK = Duration.ofMillis(200);

    private final Map<Long, Signal> signals = new ConcurrentHashMap<>();

    /** Called after a commit: these orders' documents are now at (at least) these versions. */
    public void advanced(Map<Long, Long> versions) {
        versions.forEach((orderNo, version) -> {
            Signal signal = signals.get(orderNo);
            if (signal != null) {
                signal.raise(version);
            }
        });
    }

    /**
     * Waits until {@link #advanced} reports {@code orderNo} at {@code version} or later, or at most
     * {@code timeout}; returns whether it was reported. Callers re-read the store either way.
     */
    public boolean awaitSignal(long orderNo, long version, Duration timeout) throws InterruptedException {
        Signal signal = signals.computeIfAbsent(orderNo, no -> new Signal());
        signal.waiters.incrementAndGet();
        try {
            return signal.await(version, timeout);
        } finally {
            if (signal.waiters.decrementAndGet() == 0) {
                signals.remove(orderNo, signal);
            }
        }
    }

    int waitingOrders() {
        return signals.size();
    }

    private static final class Signal {

        final AtomicInteger waiters = new AtomicInteger();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long version;

        void raise(long reached) {
            lock.lock();
            try {
                if (reached > version) {
                    version = reached;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        boolean await(long wanted, Duration timeout) throws InterruptedException {
            long remaining = timeout.toNanos();
            lock.lock();
            try {
                while (version < wanted) {
                    if (remaining <= 0) {
                        return false;
                    }
                    remaining = changed.awaitNanos(remaining);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}
