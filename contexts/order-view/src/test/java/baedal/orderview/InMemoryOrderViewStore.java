package baedal.orderview;

import baedal.order.events.OrderEventStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The read model in memory, with the store's rules (version rule, keyset order), for tests without I/O. */
public final class InMemoryOrderViewStore implements OrderViewStore {

    private static final Comparator<OrderView> NEWEST_FIRST = Comparator.comparing(OrderView::placedAt)
            .thenComparingLong(OrderView::orderNumber).reversed();

    private final Map<Long, OrderView> views = new HashMap<>();
    private final Map<String, Instant> projected = new HashMap<>();
    private final Map<Long, Map<UUID, Instant>> times = new HashMap<>();
    private final Map<Long, DeadLetter> deadLetters = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized ProjectionBatch.Written write(ProjectionBatch batch) {
        Map<Long, Long> versions = new HashMap<>();
        for (OrderView view : batch.views()) {
            OrderView held = views.merge(view.orderNumber(), view, ProjectionBatch::newer);
            versions.put(view.orderNumber(), held.version());
        }
        List<ProjectionBatch.ProjectedEvent> first = new ArrayList<>();
        for (ProjectionBatch.ProjectedEvent event : batch.events()) {
            if (projected.putIfAbsent(event.orderNo() + ":" + event.version(), batch.at()) == null) {
                first.add(event);
                times.computeIfAbsent(event.orderNo(), no -> new LinkedHashMap<>()).put(event.eventId(), batch.at());
            }
        }
        int parked = 0;
        for (DeadLetter.Parking parking : batch.parked()) {
            IncomingRecord record = parking.record();
            boolean known = deadLetters.values().stream().anyMatch(letter -> letter.topic().equals(record.topic())
                    && letter.partition() == record.partition() && letter.offset() == record.offset());
            if (!known) {
                long id = ids.incrementAndGet();
                deadLetters.put(id, new DeadLetter(id, parking.reason(), record.topic(), record.partition(),
                        record.offset(), record.key(), record.value(), record.headers(), batch.at(), 0, null, null));
                parked++;
            }
        }
        return new ProjectionBatch.Written(versions, first, parked);
    }

    @Override
    public synchronized Optional<OrderView> find(long orderNo) {
        return Optional.ofNullable(views.get(orderNo));
    }

    @Override
    public synchronized List<OrderView> memberOrders(long memberId, HistoryFilter filter, PageCursor after, int limit) {
        return page(view -> view.member().memberId() == memberId
                && (filter.statuses().isEmpty() || filter.statuses().contains(view.status()))
                && (filter.from() == null || !view.placedAt().isBefore(filter.from()))
                && (filter.until() == null || view.placedAt().isBefore(filter.until())), after, limit);
    }

    @Override
    public synchronized List<OrderView> shopOrders(long shopId, LocalDate day, Set<OrderEventStatus> statuses,
            PageCursor after, int limit) {
        return page(view -> view.shop().shopId() == shopId && view.placedDate().equals(day)
                && (statuses.isEmpty() || statuses.contains(view.status())), after, limit);
    }

    private List<OrderView> page(Predicate<OrderView> filter, PageCursor after, int limit) {
        return views.values().stream()
                .filter(filter)
                .filter(view -> after == null || view.placedAt().isBefore(after.placedAt())
                        || view.placedAt().equals(after.placedAt()) && view.orderNumber() < after.orderNo())
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Map<UUID, Instant> projectionTimes(long orderNo) {
        return Map.copyOf(times.getOrDefault(orderNo, Map.of()));
    }

    @Override
    public synchronized List<DeadLetter> parked(int limit) {
        return deadLetters.values().stream().filter(DeadLetter::parked).limit(limit).toList();
    }

    @Override
    public synchronized Optional<DeadLetter> deadLetter(long id) {
        return Optional.ofNullable(deadLetters.get(id));
    }

    @Override
    public synchronized ProjectionBatch.Written replayed(long deadLetterId, ProjectionBatch batch) {
        ProjectionBatch.Written written = write(batch);
        DeadLetter letter = deadLetters.get(deadLetterId);
        deadLetters.put(deadLetterId, new DeadLetter(letter.id(), letter.reason(), letter.topic(), letter.partition(),
                letter.offset(), letter.key(), letter.value(), letter.headers(), letter.parkedAt(),
                letter.attempts() + 1, batch.at(), batch.at()));
        return written;
    }

    @Override
    public synchronized void stillParked(long deadLetterId, String reason, Instant at) {
        DeadLetter letter = deadLetters.get(deadLetterId);
        deadLetters.put(deadLetterId, new DeadLetter(letter.id(), reason, letter.topic(), letter.partition(),
                letter.offset(), letter.key(), letter.value(), letter.headers(), letter.parkedAt(),
                letter.attempts() + 1, at, null));
    }

    @Override
    public synchronized long parkedCount() {
        return deadLetters.values().stream().filter(DeadLetter::parked).count();
    }

    @Override
    public synchronized Map<Long, Long> versions(java.util.Collection<Long> orderNos) {
        Map<Long, Long> versions = new HashMap<>();
        orderNos.forEach(orderNo -> {
            OrderView view = views.get(orderNo);
            if (view != null) {
                versions.put(orderNo, view.version());
            }
        });
        return versions;
    }
}
