package baedal.orderview.messaging;

import baedal.order.events.OrderEventStatus;
import baedal.orderview.DeadLetter;
import baedal.orderview.InMemoryOrderViewStore;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewStore;
import baedal.orderview.PageCursor;
import baedal.orderview.ProjectionBatch;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The in-memory store, made to fail as the database does: down for the next writes (the failure a retry cures),
 * or refusing some orders' documents as data it cannot hold (the failure no retry cures).
 */
final class FailingStore implements OrderViewStore {

    private final InMemoryOrderViewStore store = new InMemoryOrderViewStore();
    private final Set<Long> refused = new HashSet<>();
    private int down;
    private int transactions;

    /** The next {@code writes} writes fail as if the database were unreachable. */
    synchronized FailingStore downForTheNext(int writes) {
        down = writes;
        return this;
    }

    /** Every write holding a document of {@code orderNo} fails as the database refuses bad data (SQLSTATE 22P05). */
    synchronized FailingStore refusing(long orderNo) {
        refused.add(orderNo);
        return this;
    }

    /** Writes that committed. */
    synchronized int transactions() {
        return transactions;
    }

    @Override
    public synchronized ProjectionBatch.Written write(ProjectionBatch batch) {
        if (down > 0) {
            down--;
            throw new DataAccessResourceFailureException("order view database down",
                    new SQLException("connection refused", "08001"));
        }
        if (batch.views().stream().anyMatch(view -> refused.contains(view.orderNumber()))) {
            throw new DataIntegrityViolationException("refused",
                    new SQLException("unsupported Unicode escape sequence", "22P05"));
        }
        transactions++;
        return store.write(batch);
    }

    @Override
    public Optional<OrderView> find(long orderNo) {
        return store.find(orderNo);
    }

    @Override
    public List<OrderView> memberOrders(long memberId, HistoryFilter filter, PageCursor after, int limit) {
        return store.memberOrders(memberId, filter, after, limit);
    }

    @Override
    public List<OrderView> shopOrders(long shopId, LocalDate day, Set<OrderEventStatus> statuses, PageCursor after,
            int limit) {
        return store.shopOrders(shopId, day, statuses, after, limit);
    }

    @Override
    public Map<UUID, Instant> projectionTimes(long orderNo) {
        return store.projectionTimes(orderNo);
    }

    @Override
    public List<DeadLetter> parked(int limit) {
        return store.parked(limit);
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return store.deadLetter(id);
    }

    @Override
    public ProjectionBatch.Written replayed(long deadLetterId, ProjectionBatch batch) {
        return store.replayed(deadLetterId, batch);
    }

    @Override
    public void stillParked(long deadLetterId, String reason, Instant at) {
        store.stillParked(deadLetterId, reason, at);
    }

    @Override
    public long parkedCount() {
        return store.parkedCount();
    }

    @Override
    public Map<Long, Long> versions(Collection<Long> orderNos) {
        return store.versions(orderNos);
    }
}
