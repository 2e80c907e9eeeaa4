package baedal.orderview;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.OrderEvents.reading;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.events.OrderEventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionBatchTests {

    private static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void keepsOnlyTheNewestDocumentOfEachOrderButEveryEvent() {
        List<OrderEventEnvelope> first = anOrder(21).accepted().dispatched(501).events();
        List<OrderEventEnvelope> second = anOrder(22).events();
        List<ProjectionBatch.Reading> readings = List.of(reading(first.get(0), 0), reading(second.get(0), 1),
                reading(first.get(2), 2), reading(first.get(1), 3));

        ProjectionBatch batch = ProjectionBatch.of(readings, AT);

        assertThat(batch.views()).extracting(OrderView::version).containsExactly(3L, 1L);
        assertThat(batch.events()).hasSize(4);
        assertThat(batch.parked()).isEmpty();
    }

    @Test
    void appliesADocumentOnlyWhenItsVersionIsNewer() {
        List<OrderEventEnvelope> events = anOrder(23).accepted().events();
        OrderView placed = reading(events.get(0), 0).outcome() instanceof OrderEventReader.Event e ? e.view() : null;
        OrderView accepted = reading(events.get(1), 1).outcome() instanceof OrderEventReader.Event e ? e.view() : null;

        assertThat(ProjectionBatch.newer(placed, accepted)).isSameAs(accepted);
        assertThat(ProjectionBatch.newer(accepted, placed)).isSameAs(accepted);
        assertThat(ProjectionBatch.newer(accepted, accepted)).isSameAs(accepted);
    }

    @Test
    void parksPoisonAndKeepsTheEventsAroundIt() {
        OrderEventEnvelope event = anOrder(24).last();
        byte[] poison = "not json".getBytes(StandardCharsets.UTF_8);
        ProjectionBatch.Reading bad = new ProjectionBatch.Reading(new IncomingRecord("t", 0, 5, "k", poison, Map.of()),
                new OrderEventReader(ZoneId.of("Asia/Seoul")).read(poison));

        ProjectionBatch batch = ProjectionBatch.of(List.of(bad, reading(event, 6)), AT);

        assertThat(batch.parked()).hasSize(1);
        assertThat(batch.parked().getFirst().reason()).startsWith("unparseable: ");
        assertThat(batch.views()).hasSize(1);
    }

    @Test
    void endsAtTheSameDocumentsWhateverTheOrderAndRepetitionOfEvents() {
        List<OrderEventEnvelope> all = new ArrayList<>();
        for (long serial = 30; serial < 36; serial++) {
            all.addAll(anOrder(serial).throughDelivery().events());
        }
        all.addAll(anOrder(36).accepted().cancelled("변심").events());
        InMemoryOrderViewStore inOrder = new InMemoryOrderViewStore();
        inOrder.write(ProjectionBatch.of(readings(all), AT));

        Random random = new Random(4);
        for (int run = 0; run < 20; run++) {
            List<OrderEventEnvelope> shuffled = new ArrayList<>(all);
            shuffled.addAll(all.subList(0, random.nextInt(all.size())));
            Collections.shuffle(shuffled, random);
            InMemoryOrderViewStore store = new InMemoryOrderViewStore();
            int from = 0;
            while (from < shuffled.size()) {
                int to = Math.min(shuffled.size(), from + 1 + random.nextInt(7));
                store.write(ProjectionBatch.of(readings(shuffled.subList(from, to)), AT));
                from = to;
            }
            for (long serial = 30; serial <= 36; serial++) {
                long orderNo = serial * 1000 + serial % 4;
                assertThat(store.find(orderNo)).isEqualTo(inOrder.find(orderNo));
            }
        }
        assertThat(inOrder.find(36 * 1000 + 0).orElseThrow().status().name()).isEqualTo("CANCELLED");
    }

    private static List<ProjectionBatch.Reading> readings(List<OrderEventEnvelope> events) {
        List<ProjectionBatch.Reading> readings = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            readings.add(reading(events.get(i), i));
        }
        return readings;
    }
}
