package baedal.bench.fault;

import baedal.bench.cluster.Cluster;
import baedal.bench.measure.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * A plan's faults, broken and repaired on a thread of their own while the load runs: each at its second of the run
 * and for its length, recorded as the window it actually lasted. A fault that could not be applied or repaired fails
 * the run: it must not pass as survived.
 */
public final class FaultSchedule {

    private final List<FaultPlan.Window> windows = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    private FaultSchedule(FaultPlan plan, Cluster cluster, DoubleSupplier elapsed) {
        this.thread = Thread.ofPlatform().name("faults").start(() -> {
            try {
                run(plan, cluster, elapsed);
            } catch (RuntimeException failed) {
                failure.set(failed);
            }
        });
    }

    /** Starts the faults of {@code plan} on {@code cluster}, timed by {@code elapsed}: seconds since the load began. */
    public static FaultSchedule start(FaultPlan plan, Cluster cluster, DoubleSupplier elapsed) {
        return new FaultSchedule(plan, cluster, elapsed);
    }

    /** Waits for the last repair; returns each fault's window, or throws if one could not be applied or repaired. */
    public List<FaultPlan.Window> await() throws InterruptedException {
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        synchronized (windows) {
            return List.copyOf(windows);
        }
    }

    private void run(FaultPlan plan, Cluster cluster, DoubleSupplier elapsed) {
        for (FaultPlan.Fault fault : plan.faults()) {
            try {
                sleepUntil(elapsed, fault.atSecond());
                double start = elapsed.getAsDouble();
                Instant startedAt = Instant.now();
                Log.line(String.format(Locale.ROOT, "  %.1f s: %s", start, fault.label()));
                FaultPlan.apply(fault, cluster);
                sleepUntil(elapsed, start + fault.forSeconds());
                FaultPlan.heal(fault, cluster);
                double end = elapsed.getAsDouble();
                Log.line(String.format(Locale.ROOT, "  %.1f s: repaired (%s)", end, fault.spec()));
                synchronized (windows) {
                    windows.add(new FaultPlan.Window(fault, start, end, startedAt, Instant.now()));
                }
            } catch (Exception failed) {
                throw new IllegalStateException("fault " + fault.spec() + " could not be applied or repaired", failed);
            }
        }
    }

    private static void sleepUntil(DoubleSupplier elapsed, double second) throws InterruptedException {
        double left = second - elapsed.getAsDouble();
        if (left > 0) {
            Thread.sleep((long) (left * 1000));
        }
    }
}
