package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.ProjectionBatch;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewestSnapshotsTests {

    @Test
    void publishesTheNewestSnapshotOfEachOrderOnlyWhenTheStoreHoldsThatVersion() {
        OrderEvents applied = OrderEvents.anOrder(1).accepted().dispatched(501);
        OrderEvents overtaken = OrderEvents.anOrder(2).accepted();
        OrderEvents redelivered = OrderEvents.anOrder(3).accepted();
        List<ProjectionBatch.Reading> readings = List.of(
                OrderEvents.reading(applied.events().get(0), 0), OrderEvents.reading(applied.events().get(2), 1),
                OrderEvents.reading(applied.events().get(1), 2), OrderEvents.reading(overtaken.events().get(0), 3),
                OrderEvents.reading(redelivered.events().get(1), 4));

        List<SnapshotPublisher.Snapshot> published = NewestSnapshots.toPublish(readings, Map.of(
                applied.orderNumber(), 3L, overtaken.orderNumber(), 2L, redelivered.orderNumber(), 2L));

        assertThat(published).extracting(SnapshotPublisher.Snapshot::orderNo, SnapshotPublisher.Snapshot::version)
                .containsExactly(tuple(applied.orderNo(), 3L),
                        tuple(redelivered.orderNo(), 2L));
        assertThat(published.getFirst().envelope()).isEqualTo(OrderEvents.json(applied.events().get(2)));
    }

    @Test
    void publishesNoSnapshotOfPoison() {
        OrderEvents order = OrderEvents.anOrder(4);
        IncomingRecord record = OrderEvents.reading(order.last(), 0).record();
        ProjectionBatch.Reading poison = new ProjectionBatch.Reading(record,
                new OrderEventReader(ZoneId.of("Asia/Seoul")).read("{not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(NewestSnapshots.toPublish(List.of(poison), Map.of(order.orderNumber(), 1L))).isEmpty();
    }
}
