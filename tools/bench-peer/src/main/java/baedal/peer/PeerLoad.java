package baedal.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The peer's load generators, after the harness's own: a closed loop of workers, or an open model at a fixed
 * arrival rate (each order on its own virtual thread at its intended time, latency counted from that time). One call
 * is one phase: a warm-up is a phase whose result is dropped. Records placement latency in an HdrHistogram
 * (microseconds, three significant digits) and keeps the order number of every order placed in the phase.
 */
public final class PeerLoad {

    /** Latencies up to one hour, in microseconds. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private PeerLoad() {
    }

    /** Places one order and returns its order number; throws on failure. */
    @FunctionalInterface
    public interface Placement {
        long place(long sequence) throws Exception;
    }

    /**
     * What one run measured.
     *
     * @param attempted  orders whose (intended) start fell in the window
     * @param committed  those that committed before the window ended: the throughput's numerator
     * @param latency    placement latency of every successful measured order, microseconds
     * @param orderNos   the order numbers of every successful measured order, also those that ended after the
     *                   window: each has an event to find
     * @param errors     failures by kind (exception class name)
     * @param firstErrors the first message of each kind
     * @param perSecond  commits second by second of the window
     */
    public record Measured(String model, double measureSeconds, long attempted, long committed,
            Histogram latency, long[] orderNos, Map<String, Long> errors, Map<String, String> firstErrors,
            List<Long> perSecond) {

        public double ordersPerSecond() {
            return Math.round(committed / measureSeconds * 10) / 10.0;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The measured window and what was recorded in it; thread-safe. */
    private static final class Window {
        final long start;
        final long measureEnd;
        final Duration measure;
        final AtomicLongArray perSecond;
        final LongAdder attempted = new LongAdder();
        final LongAdder committed = new LongAdder();
        final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Map<String, String> firstErrors = new ConcurrentHashMap<>();
        final OrderNumbers orderNos = new OrderNumbers();

        Window(long start, Duration measure) {
            this.start = start;
            this.measure = measure;
            measureEnd = start + measure.toNanos();
            perSecond = new AtomicLongArray((int) Math.max(1, measure.toSeconds()));
        }

        void record(long intendedStart, long end, long orderNo, Throwable failure) {
            if (intendedStart < start || intendedStart >= measureEnd) {
                return;
            }
            attempted.increment();
            if (failure == null) {
                recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (end - intendedStart) / 1000)));
                orderNos.add(orderNo);
                if (end < measureEnd) {
                    committed.increment();
                    int second = (int) ((end - start) / 1_000_000_000L);
                    if (second >= 0 && second < perSecond.length()) {
                        perSecond.incrementAndGet(second);
                    }
                }
            } else {
                String kind = failure.getClass().getSimpleName();
                errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
                firstErrors.putIfAbsent(kind, String.valueOf(failure.getMessage()));
            }
        }

        Measured result(String model) {
            Map<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
            List<Long> series = new ArrayList<>();
            for (int i = 0; i < perSecond.length(); i++) {
                series.add(perSecond.get(i));
            }
            return new Measured(model, measure.toNanos() / 1e9, attempted.sum(),
                    committed.sum(), recorder.getIntervalHistogram(), orderNos.toArray(), errorCounts,
                    new TreeMap<>(firstErrors), series);
        }
    }

    /** {@code concurrency} workers, each placing its next order as soon as the previous one returned. */
    public static Measured closedLoop(int concurrency, Duration measure, Placement placement)
            throws InterruptedException {
        Window window = new Window(System.nanoTime(), measure);
        AtomicLong sequence = new AtomicLong();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= window.measureEnd) {
                            return;
                        }
                        long orderNo = 0;
                        Throwable failure = null;
                        try {
                            orderNo = placement.place(sequence.getAndIncrement());
                        } catch (Throwable t) {
                            failure = t;
                        }
                        window.record(begin, System.nanoTime(), orderNo, failure);
                    }
                });
            }
        }
        return window.result("closed loop");
    }

    /**
     * Open model: order {@code i} is due at {@code start + i / rate} and sent on its own virtual thread at that
     * time whether or not earlier ones returned; its latency counts from the due time. With {@code maxInFlight}
     * orders outstanding the schedule waits, which only makes later latencies larger, never hides them. Orders
     * still outstanding {@code drainTimeout} after the window are abandoned (and reported as missing events).
     */
    public static Measured fixedRate(double rate, int maxInFlight, Duration measure, Duration drainTimeout,
            Placement placement) throws InterruptedException {
        long start = System.nanoTime();
        Window window = new Window(start, measure);
        double intervalNanos = 1e9 / rate;
        Semaphore inFlight = new Semaphore(maxInFlight);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (long i = 0; ; i++) {
                long intended = start + (long) (i * intervalNanos);
                if (intended >= window.measureEnd) {
                    break;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                inFlight.acquire();
                long sequence = i;
                senders.submit(() -> {
                    long orderNo = 0;
                    Throwable failure = null;
                    try {
                        orderNo = placement.place(sequence);
                    } catch (Throwable t) {
                        failure = t;
                    } finally {
                        inFlight.release();
                    }
                    window.record(intended, System.nanoTime(), orderNo, failure);
                });
            }
        } finally {
            senders.shutdown();
            if (!senders.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        }
        return window.result("open model, fixed arrival rate");
    }

    /** A growable array of order numbers that many threads add to. */
    private static final class OrderNumbers {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        synchronized long[] toArray() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
