package baedal.orderview;

import baedal.order.events.OrderEventStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The order read model's storage: one document per order, keyed by order number, with the columns the history
 * queries need (member and placement time, shop and business day, status), the events projected into each
 * document, and the parked records. The real one is PostgreSQL {@code jsonb}; tests have an in-memory fake.
 */
public interface OrderViewStore {

    /**
     * Writes a batch in one transaction: each document only if its version is newer than the stored one, each
     * event not recorded yet, each parked record not parked yet. Either all of it is written or none.
     */
    ProjectionBatch.Written write(ProjectionBatch batch);

    Optional<OrderView> find(long orderNo);

    /** A member's orders, newest first (by placement time, then order number), after the cursor if given. */
    List<OrderView> memberOrders(long memberId, HistoryFilter filter, PageCursor after, int limit);

    /** A shop's orders placed on one business day, newest first, after the cursor if given. */
    List<OrderView> shopOrders(long shopId, LocalDate day, Set<OrderEventStatus> statuses, PageCursor after, int limit);

    /** When each projected event of the order was first projected, by event id. */
    Map<UUID, Instant> projectionTimes(long orderNo);

    /** Parked records not replayed yet, oldest first. */
    List<DeadLetter> parked(int limit);

    Optional<DeadLetter> deadLetter(long id);

    /** Writes the batch a replayed record gave and marks the record replayed, in one transaction. */
    ProjectionBatch.Written replayed(long deadLetterId, ProjectionBatch batch);

    /** Records a replay that failed again: the record stays parked with the new reason. */
    void stillParked(long deadLetterId, String reason, Instant at);

    long parkedCount();

    /** The version each of these orders' documents is at; orders the read model does not hold are absent. */
    Map<Long, Long> versions(Collection<Long> orderNos);

    /**
     * Which of a member's orders to list: any of {@code statuses} (empty = all), placed at or after {@code from}
     * and before {@code until} (either may be null).
     */
    record HistoryFilter(Set<OrderEventStatus> statuses, Instant from, Instant until) {

        public HistoryFilter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }

        public static HistoryFilter all() {
            return new HistoryFilter(Set.of(), null, null);
        }
    }
}
