package baedal.orderview.rebuild;

import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderView;
import baedal.orderview.ProjectionBatch;
import baedal.orderview.persistence.JdbcOrderViewStore;
import baedal.orderview.persistence.RebuildTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the order read model while the live one keeps serving, then switches over at once:
 * <ol>
 *   <li>fresh tables of the live schema ({@code order_view_next}, {@code order_view_event_next});</li>
 *   <li>every order's snapshot from the compacted snapshot topic, up to its end when the rebuild starts, applied
 *       with the version rule in batches;</li>
 *   <li>every live document the new table lacks or holds older, copied page by page while the projector runs;</li>
 *   <li>while projector batches wait (the swap lock), the documents changed since step 3 began are copied too and
 *       the tables are swapped with renames, in one transaction.</li>
 * </ol>
 * Queries read the live tables throughout. One rebuild runs at a time in an instance.
 */
public final class OrderViewRebuild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderViewRebuild.class);

    /** Projector batches whose time was taken before the live copy began may commit after it began. */
    static final Duration COMMIT_MARGIN = Duration.ofMinutes(5);

    private final RebuildTables tables;
    private final SnapshotSource snapshots;
    private final OrderEventReader reader;
    private final int batchSize;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile Thread worker;

    public OrderViewRebuild(RebuildTables tables, SnapshotSource snapshots, OrderEventReader reader, int batchSize,
            Clock clock) {
        this.tables = tables;
        this.snapshots = snapshots;
        this.reader = reader;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Called between the phases; tests use it to act while a rebuild runs. */
    public interface Listener {

        Listener NONE = new Listener() { };

        /** The snapshots are in the new tables; nothing was copied from the live ones yet. */
        default void snapshotsRead() {
        }

        /** The live documents are copied; the catch-up and the swap come next. */
        default void liveCopied() {
        }
    }

    /** Starts a rebuild in the background; throws {@link AlreadyRunning} while one runs. */
    public RebuildStatus start() {
        return start(Listener.NONE);
    }

    public RebuildStatus start(Listener listener) {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning(status);
        }
        Instant started = clock.instant();
        status = new RebuildStatus("RUNNING", "CREATING_TABLES", started, null, 0, 0, 0, 0, 0, 0, null, null, null,
                null);
        Thread thread = new Thread(() -> run(started, listener), "order-view-rebuild");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        return status;
    }

    public RebuildStatus status() {
        return status;
    }

    private void run(Instant started, Listener listener) {
        Progress progress = new Progress(started);
        try {
            tables.create();
            progress.phase("READING_SNAPSHOTS");
            JdbcOrderViewStore next = tables.nextStore();
            long reading = System.nanoTime();
            snapshots.readAll(batchSize, values -> apply(next, values, progress));
            progress.readingMillis = millisSince(reading);
            listener.snapshotsRead();

            progress.phase("COPYING_LIVE");
            Instant copyBegan = clock.instant();
            long copying = System.nanoTime();
            RebuildTables.Copied copied = tables.copyLive();
            progress.documentsCopied += copied.documents();
            progress.eventsCopied += copied.events();
            progress.copyingMillis = millisSince(copying);
            listener.liveCopied();

            progress.phase("SWAPPING");
            long swapping = System.nanoTime();
            RebuildTables.Copied caughtUp = tables.catchUpAndSwap(copyBegan.minus(COMMIT_MARGIN));
            progress.swapMillis = millisSince(swapping);
            progress.documentsCopied += caughtUp.documents();
            progress.documentsCaughtUp = caughtUp.documents();
            progress.eventsCopied += caughtUp.events();
            progress.documents = tables.liveDocuments();
            progress.phase = "DONE";
            status = progress.status("FINISHED", clock.instant(), null);
            log.info("The order read model is rebuilt and swapped in: {}", status);
        } catch (RuntimeException failed) {
            log.error("The rebuild of the order read model failed in {}; the live tables are untouched",
                    progress.phase, failed);
            status = progress.status("FAILED", clock.instant(), failed.toString());
            try {
                tables.discard();
            } catch (RuntimeException notDiscarded) {
                log.warn("The rebuild's tables could not be dropped: {}", notDiscarded.toString());
            }
        } finally {
            running.set(false);
        }
    }

    private void apply(JdbcOrderViewStore next, List<byte[]> values, Progress progress) {
        Map<Long, OrderView> newest = new LinkedHashMap<>();
        for (byte[] value : values) {
            progress.snapshotsRead++;
            if (reader.read(value) instanceof OrderEventReader.Event event) {
                newest.merge(event.orderNo(), event.view(), ProjectionBatch::newer);
            } else {
                progress.snapshotsSkipped++;
            }
        }
        next.write(new ProjectionBatch(List.copyOf(newest.values()), List.of(), List.of(), clock.instant()));
        status = progress.status("RUNNING", null, null);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    @Override
    public void close() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** A rebuild is already running; its status is attached. */
    public static final class AlreadyRunning extends RuntimeException {

        private final transient RebuildStatus status;

        AlreadyRunning(RebuildStatus status) {
            super("a rebuild of the order read model is running since " + status.startedAt());
            this.status = status;
        }

        public RebuildStatus status() {
            return status;
        }
    }

    private final class Progress {

        final Instant started;
        volatile String phase = "CREATING_TABLES";
        long snapshotsRead;
        long snapshotsSkipped;
        long documentsCopied;
        long documentsCaughtUp;
        long eventsCopied;
        long documents;
        Long readingMillis;
        Long copyingMillis;
        Long swapMillis;

        Progress(Instant started) {
            this.started = started;
        }

        void phase(String next) {
            phase = next;
            status = status("RUNNING", null, null);
        }

        RebuildStatus status(String state, Instant finished, String error) {
            return new RebuildStatus(state, phase, started, finished, snapshotsRead, snapshotsSkipped,
                    documentsCopied, documentsCaughtUp, eventsCopied, documents, readingMillis, copyingMillis, swapMillis, error);
        }
    }
}
