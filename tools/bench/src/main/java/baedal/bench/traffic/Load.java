package baedal.bench.traffic;

import static baedal.bench.measure.Latency.HIGHEST_MICROS;

import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import java.time.Duration;
import java.util.ArrayList;
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

/** Closed-loop and open-model (fixed arrival rate) load generators with HdrHistogram recording. */
public final class Load {

    private Load() {
    }

    /** One attempt; throws on failure. */
    @FunctionalInterface
    public interface Operation {
        void run(long sequence) throws Exception;
    }

    /** Classifies a failure into a stable kind, e.g. {@code HTTP 422} or an exception class name. */
    static String kindOf(Throwable failure) {
        if (failure instanceof HttpStatusException status) {
            return "HTTP " + status.status();
        }
        return failure.getClass().getSimpleName();
    }

    /** A response that was not the expected status. */
    public static final class HttpStatusException extends Exception {
        private final int status;

        public HttpStatusException(int status, String body) {
            super("HTTP " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body), null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final class Window {
        final long warmupEnd;
        final long measureEnd;
        final AtomicLongArray perSecond;
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final LongAdder attempted = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        final Map<String, String> firstErrorMessage = new ConcurrentHashMap<>();

        Window(long start, Duration warmup, Duration measure) {
            warmupEnd = start + warmup.toNanos();
            measureEnd = warmupEnd + measure.toNanos();
            perSecond = new AtomicLongArray((int) Math.max(1, measure.toSeconds()));
        }

        boolean measured(long intendedStart) {
            return intendedStart >= warmupEnd && intendedStart < measureEnd;
        }

        void record(long intendedStart, long end, Throwable failure) {
            if (!measured(intendedStart)) {
                return;
            }
            attempted.increment();
            if (failure == null) {
                recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (end - intendedStart) / 1000)));
                if (end < measureEnd) {
                    succeeded.increment();
                    int second = (int) ((end - warmupEnd) / 1_000_000_000L);
                    if (second >= 0 && second < perSecond.length()) {
                        perSecond.incrementAndGet(second);
                    }
                }
            } else {
                String kind = kindOf(failure);
                errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
                firstErrorMessage.putIfAbsent(kind, String.valueOf(failure.getMessage()));
            }
        }

        Run result(String name, String model, int concurrency, Double rate, Duration warmup, Duration measure) {
            Histogram histogram = recorder.getIntervalHistogram();
            Map<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
            List<Long> series = new ArrayList<>();
            for (int i = 0; i < perSecond.length(); i++) {
                series.add(perSecond.get(i));
            }
            double seconds = measure.toNanos() / 1e9;
            firstErrorMessage.forEach((kind, message) ->
                    System.out.printf("  [%s] first %s: %s%n", name, kind, message));
            return new Run(name, model, concurrency, rate, warmup.toNanos() / 1e9, seconds,
                    attempted.sum(), succeeded.sum(), Math.round(succeeded.sum() / seconds * 10) / 10.0, errorCounts,
                    Latency.of(histogram), series);
        }
    }

    /**
     * Warms the system up with {@code concurrency} closed-loop workers until its throughput is steady: at
     * least {@code min}, then until {@link #steady} holds, or {@code max} at most. On 2 busy cores the JIT compiles a deep HTTP stack slowly, so a fixed short
     * warm-up would measure the compiler rather than the platform. Returns how long the warm-up took.
     */
    public static Duration warmUntilSteady(int concurrency, Duration min, Duration max, Operation operation)
            throws InterruptedException {
        long start = System.nanoTime();
        int maxSeconds = (int) Math.max(1, max.toSeconds());
        AtomicLongArray perSecond = new AtomicLongArray(maxSeconds + 1);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (!stop.get()) {
                        try {
                            operation.run(sequence.getAndIncrement());
                            int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                            if (second < perSecond.length()) {
                                perSecond.incrementAndGet(second);
                            }
                        } catch (Exception ignored) {
                            // warm-up failures are not measured; the measured run reports its own errors
                        }
                    }
                    return null;
                });
            }
            int elapsed = 0;
            while (elapsed < maxSeconds) {
                Thread.sleep(1000);
                elapsed = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                if (elapsed >= min.toSeconds() && steady(perSecond, elapsed)) {
                    break;
                }
            }
            stop.set(true);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static final int STEADY_WINDOW_SECONDS = 10;
    static final int STEADY_WINDOWS = 3;
    static final int STEADY_TOLERANCE_PERCENT = 5;

    /**
     * Whether the last {@value #STEADY_WINDOWS} windows of {@value #STEADY_WINDOW_SECONDS} complete seconds
     * before {@code elapsed} each completed about as much work: the busiest at most
     * {@value #STEADY_TOLERANCE_PERCENT} % above the quietest. The JIT compiles in steps, so two windows that
     * agree can still be a plateau before the next step; three in a row rarely are.
     */
    static boolean steady(AtomicLongArray perSecond, int elapsed) {
        int end = Math.min(elapsed, perSecond.length());
        if (end < STEADY_WINDOWS * STEADY_WINDOW_SECONDS) {
            return false;
        }
        long quietest = Long.MAX_VALUE;
        long busiest = 0;
        for (int window = 0; window < STEADY_WINDOWS; window++) {
            long completed = 0;
            int from = end - (window + 1) * STEADY_WINDOW_SECONDS;
            for (int i = from; i < from + STEADY_WINDOW_SECONDS; i++) {
                completed += perSecond.get(i);
            }
            quietest = Math.min(quietest, completed);
            busiest = Math.max(busiest, completed);
        }
        return quietest > 0 && (busiest - quietest) * 100 <= STEADY_TOLERANCE_PERCENT * quietest;
    }

    /** {@code concurrency} workers, each starting its next attempt as soon as the previous one ends. */
    public static Run closedLoop(String name, int concurrency, Duration warmup, Duration measure,
            Operation operation) throws InterruptedException {
        return closedLoop(name, concurrency, warmup, warmup, measure, operation);
    }

    /**
     * As {@link #closedLoop(String, int, Duration, Duration, Operation)}, after a warm-up that already
     * happened ({@code warmedUp}, reported) plus {@code warmup} more before measuring.
     */
    public static Run closedLoop(String name, int concurrency, Duration warmedUp, Duration warmup,
            Duration measure, Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        Window window = new Window(start, warmup, measure);
        AtomicLong sequence = new AtomicLong();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= window.measureEnd) {
                            return;
                        }
                        Throwable failure = null;
                        try {
                            operation.run(sequence.getAndIncrement());
                        } catch (Throwable t) {
                            failure = t;
                        }
                        window.record(begin, System.nanoTime(), failure);
                    }
                });
            }
        }
        return window.result(name, "closed loop", concurrency, null, warmedUp, measure);
    }

    /**
     * Open model: attempt {@code i} is due at {@code start + i / rate}; each is sent on its own virtual thread
     * at its due time whether or not earlier ones have answered, and its latency is measured from that
     * intended time (correcting coordinated omission). If {@code maxInFlight} attempts are outstanding the
     * schedule waits, which only makes later latencies larger, never hides them.
     */
    public static Run fixedRate(String name, double rate, int maxInFlight, Duration warmup, Duration measure,
            Duration drainTimeout, Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        Window window = new Window(start, warmup, measure);
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
                long seq = i;
                senders.submit(() -> {
                    Throwable failure = null;
                    try {
                        operation.run(seq);
                    } catch (Throwable t) {
                        failure = t;
                    } finally {
                        inFlight.release();
                    }
                    window.record(intended, System.nanoTime(), failure);
                });
            }
        } finally {
            senders.shutdown();
            if (!senders.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        }
        return window.result(name, "open model, fixed arrival rate", maxInFlight, rate, warmup, measure);
    }
}
