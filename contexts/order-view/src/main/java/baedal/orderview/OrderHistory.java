package baedal.orderview;

import baedal.order.events.OrderEventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Order history (주문내역) read from the read model only — never from the shards: one order's document, a
 * member's orders page by page, a shop's orders of a business day. A reader who has just changed an order may ask
 * for at least the version the change returned ({@code minVersion}); the read then waits, bounded, for the
 * projection to catch up and says honestly when it did not.
 */
public final class OrderHistory {

    private final OrderViewStore store;
    private final ViewVersions versions;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration maxWait;

    public OrderHistory(OrderViewStore store, ViewVersions versions, Clock clock, ZoneId zone, Duration maxWait) {
        this.store = store;
        this.versions = versions;
        this.clock = clock;
        this.zone = zone;
        this.maxWait = maxWait;
    }

    /** Today, as the shops' business day (in the read model's zone). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first instant of {@code day} in the read model's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** One order's document and whether it is older than the version asked for. */
    public record Found(Optional<OrderView> view, boolean stale) {
    }

    /** A page of documents and the cursor of the next page ({@code null} on the last page). */
    public record Page(List<OrderView> items, PageCursor next) {
    }

    public Optional<OrderView> find(long orderNo) {
        return store.find(orderNo);
    }

    /**
     * The order's document, waiting at most the configured time (default 2 s) until it reaches
     * {@code minVersion}; if it does not, the document as it is (or none) with {@code stale = true}.
     */
    public Found find(long orderNo, long minVersion) throws InterruptedException {
        // a bounded wait, measured on the monotonic clock (not business time, so not the injected Clock)
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Optional<OrderView> view = store.find(orderNo);
            if (view.isPresent() && view.get().version() >= minVersion) {
                return new Found(view, false);
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                return new Found(view, true);
            }
            versions.awaitSignal(orderNo, minVersion, left.compareTo(ViewVersions.RECHECK) < 0 ? left : ViewVersions.RECHECK);
        }
    }

    /** One page of a member's orders, newest first; {@code size} is checked by the caller. */
    public Page memberOrders(long memberId, OrderViewStore.HistoryFilter filter, PageCursor after, int size) {
        return page(store.memberOrders(memberId, filter, after, size + 1), size);
    }

    /** One page of a shop's orders placed on {@code day} (the shop's business day), newest first. */
    public Page shopOrders(long shopId, LocalDate day, Set<OrderEventStatus> statuses, PageCursor after, int size) {
        return page(store.shopOrders(shopId, day, statuses, after, size + 1), size);
    }

    private static Page page(List<OrderView> rows, int size) {
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<OrderView> items = rows.subList(0, size);
        return new Page(List.copyOf(items), PageCursor.after(items.getLast()));
    }
}
