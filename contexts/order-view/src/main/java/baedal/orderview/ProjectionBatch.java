package baedal.orderview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one poll of the order events' topic changes in the read model, written in one transaction: per order
 * only the newest document the batch holds (older versions in the same batch are superseded by it), every event
 * of the batch (so the order's event trail shows when each was projected), and the records to park.
 *
 * <p>Applying a document follows the version rule: it replaces the stored one only if its version is newer.
 * Duplicates and late, older events therefore leave the stored document as it is, whatever the order in which
 * events arrive.
 */
public record ProjectionBatch(List<OrderView> views, List<ProjectedEvent> events, List<DeadLetter.Parking> parked,
        Instant at) {

    public ProjectionBatch {
        views = List.copyOf(views);
        events = List.copyOf(events);
        parked = List.copyOf(parked);
    }

    /** One event that the batch projects (its effect is in the newest document of its order). */
    public record ProjectedEvent(long orderNo, long version, UUID eventId, String type, Instant occurredAt) {
    }

    /** The batch of these readings, in topic order; {@code at} is when it is written. */
    public static ProjectionBatch of(List<Reading> readings, Instant at) {
        Map<Long, OrderView> newest = new LinkedHashMap<>();
        List<ProjectedEvent> events = new ArrayList<>();
        List<DeadLetter.Parking> parked = new ArrayList<>();
        for (Reading reading : readings) {
            switch (reading.outcome()) {
                case OrderEventReader.Event event -> {
                    newest.merge(event.orderNo(), event.view(), ProjectionBatch::newer);
                    events.add(new ProjectedEvent(event.orderNo(), event.version(), event.eventId(),
                            event.envelope().type(), event.envelope().occurredAt()));
                }
                case OrderEventReader.Poison poison -> parked.add(new DeadLetter.Parking(reading.record(), poison.reason()));
            }
        }
        return new ProjectionBatch(List.copyOf(newest.values()), events, parked, at);
    }

    /** The version rule: the newer document wins; of two with the same version, the one held stays. */
    public static OrderView newer(OrderView held, OrderView incoming) {
        return incoming.version() > held.version() ? incoming : held;
    }

    public boolean isEmpty() {
        return views.isEmpty() && events.isEmpty() && parked.isEmpty();
    }

    /** One received record and what reading it gave. */
    public record Reading(IncomingRecord record, OrderEventReader.Reading outcome) {
    }

    /**
     * What writing a batch did: the version each order's document is at after the write (for the orders of the
     * batch), and the events projected for the first time (duplicates of events already projected are not).
     */
    public record Written(Map<Long, Long> versions, List<ProjectedEvent> firstProjected, int parked) {

        public Written {
            versions = Map.copyOf(versions);
            firstProjected = List.copyOf(firstProjected);
        }
    }
}
