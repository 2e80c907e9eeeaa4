package baedal.orderview.persistence;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.OrderEvents.reading;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.order.events.OrderEventStatus;
import baedal.order.events.OrderEventEnvelope;
import baedal.orderview.DeadLetter;
import baedal.orderview.IncomingRecord;
import baedal.orderview.InMemoryOrderViewStore;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import baedal.orderview.PageCursor;
import baedal.orderview.ProjectionBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read model on a real PostgreSQL: the version rule in SQL, keyset pages, projection times, parked records. */
class JdbcOrderViewStoreIntegrationTests {

    @TempDir
    static Path data;

    static EmbeddedPlatform platform;
    static OrderViewDatabase database;
    static JdbcOrderViewStore store;
    static final AtomicLong serials = new AtomicLong(1_000);
    static final AtomicLong offsets = new AtomicLong();

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(data).withFreePorts());
        platform.createDatabaseIfMissing("order_view_store");
        database = OrderViewDatabase.open(OrderViewProperties.defaults(new OrderViewProperties.Datasource(
                platform.jdbcUrl("order_view_store"), platform.postgresUser(), "")), pool -> { });
        store = new JdbcOrderViewStore(database, OrderViewTables.ACTIVE);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static ProjectionBatch.Written write(List<OrderEventEnvelope> events) {
        return store.write(ProjectionBatch.of(events.stream().map(event -> reading(event, offsets.incrementAndGet()))
                .toList(), Instant.now()));
    }

    @Test
    void replacesADocumentOnlyWithANewerVersion() {
        List<OrderEventEnvelope> events = anOrder(serials.incrementAndGet()).accepted().dispatched(501).arrived().events();
        long orderNo = Long.parseLong(events.getFirst().orderNo());

        assertThat(write(List.of(events.get(2))).versions()).containsEntry(orderNo, 3L);
        assertThat(write(List.of(events.get(1), events.get(0))).versions()).as("older events").containsEntry(orderNo, 3L);
        assertThat(store.find(orderNo).orElseThrow().status()).isEqualTo(OrderEventStatus.RIDER_DISPATCHED);
        assertThat(write(List.of(events.get(3))).versions()).containsEntry(orderNo, 4L);

        OrderView view = store.find(orderNo).orElseThrow();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.lastEventId()).isEqualTo(events.get(3).eventId());
        assertThat(view.rider().riderId()).isEqualTo(501);
        assertThat(view.timeline()).hasSize(4);
    }

    @Test
    void endsAtTheSameDocumentsWhateverTheOrderAndRepetitionOfBatches() {
        List<OrderEventEnvelope> all = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            OrderEvents order = i % 3 == 2 ? anOrder(serials.incrementAndGet()).accepted().cancelled("변심")
                    : anOrder(serials.incrementAndGet()).throughDelivery();
            all.addAll(order.events());
            orders.add(order.orderNumber());
        }
        InMemoryOrderViewStore reference = new InMemoryOrderViewStore();
        reference.write(ProjectionBatch.of(all.stream().map(event -> reading(event, 0)).toList(), Instant.now()));

        List<OrderEventEnvelope> shuffled = new ArrayList<>(all);
        shuffled.addAll(all);
        Collections.shuffle(shuffled, new Random(7));
        for (int from = 0; from < shuffled.size(); from += 5) {
            write(shuffled.subList(from, Math.min(shuffled.size(), from + 5)));
        }

        for (long orderNo : orders) {
            assertThat(store.find(orderNo)).isEqualTo(reference.find(orderNo));
            assertThat(store.projectionTimes(orderNo)).hasSize(reference.find(orderNo).orElseThrow().timeline().size());
        }
    }

    @Test
    void keepsTheFirstProjectionTimeOfAnEvent() throws Exception {
        OrderEvents order = anOrder(serials.incrementAndGet()).accepted();
        ProjectionBatch.Written first = write(order.events());
        Map<UUID, Instant> before = store.projectionTimes(order.orderNumber());
        Thread.sleep(5);

        ProjectionBatch.Written again = write(order.events());

        assertThat(first.firstProjected()).hasSize(2);
        assertThat(again.firstProjected()).isEmpty();
        assertThat(store.projectionTimes(order.orderNumber())).isEqualTo(before)
                .containsOnlyKeys(order.events().stream().map(e -> UUID.fromString(e.eventId())).toList());
    }

    @Test
    void pagesAMembersOrdersNewestFirstByKeyset() {
        long member = 77_001;
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            OrderEvents order = anOrder(serials.incrementAndGet(), member, OrderEvents.PLACED_AT.plusSeconds(i / 2));
            placed.add(order.orderNo());
            write(i == 4 ? order.accepted().cancelled("변심").events() : order.events());
        }

        List<String> seen = new ArrayList<>();
        PageCursor cursor = null;
        do {
            List<OrderView> page = store.memberOrders(member, OrderViewStore.HistoryFilter.all(), cursor, 4);
            page.forEach(view -> seen.add(view.orderNo()));
            cursor = page.size() < 4 ? null : PageCursor.after(page.getLast());
        } while (cursor != null);

        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(store.memberOrders(member, new OrderViewStore.HistoryFilter(Set.of(OrderEventStatus.CANCELLED), null, null),
                null, 10)).extracting(OrderView::orderNo).containsExactly(placed.get(4));
        assertThat(store.memberOrders(member, new OrderViewStore.HistoryFilter(Set.of(), OrderEvents.PLACED_AT.plusSeconds(3),
                OrderEvents.PLACED_AT.plusSeconds(4)), null, 10)).extracting(OrderView::orderNo)
                .containsExactly(placed.get(7), placed.get(6));
    }

    @Test
    void listsAShopsOrdersOfItsBusinessDay() {
        OrderEvents early = anOrder(serials.incrementAndGet(), 5, Instant.parse("2026-10-01T14:59:00Z"));
        OrderEvents late = anOrder(serials.incrementAndGet(), 5, Instant.parse("2026-10-01T15:01:00Z")).accepted();
        write(early.events());
        write(late.events());

        assertThat(store.shopOrders(1, LocalDate.of(2026, 10, 1), Set.of(), null, 10)).extracting(OrderView::orderNo)
                .containsExactly(early.orderNo());
        assertThat(store.shopOrders(1, LocalDate.of(2026, 10, 2), Set.of(), null, 10)).extracting(OrderView::orderNo)
                .containsExactly(late.orderNo());
        assertThat(store.shopOrders(1, LocalDate.of(2026, 10, 2), Set.of(OrderEventStatus.PLACED), null, 10)).isEmpty();
        assertThat(store.shopOrders(2, LocalDate.of(2026, 10, 2), Set.of(), null, 10)).isEmpty();
    }

    @Test
    void parksARecordOnceAndReplaysIt() {
        long offset = offsets.incrementAndGet();
        IncomingRecord poison = new IncomingRecord("topic-a", 2, offset, "1234001", new byte[] {(byte) 0xff, 'x'},
                Map.of("type", "OrderTeleported", "eventId", "e-1"));
        ProjectionBatch batch = new ProjectionBatch(List.of(), List.of(), List.of(new DeadLetter.Parking(poison,
                "unknown-type: OrderTeleported")), Instant.now());
        long before = store.parkedCount();

        assertThat(store.write(batch).parked()).isEqualTo(1);
        assertThat(store.write(batch).parked()).as("the same record delivered again").isZero();

        DeadLetter parked = store.parked(1000).stream().filter(letter -> letter.offset() == offset).findFirst().orElseThrow();
        assertThat(parked.topic()).isEqualTo("topic-a");
        assertThat(parked.partition()).isEqualTo(2);
        assertThat(parked.key()).isEqualTo("1234001");
        assertThat(parked.value()).containsExactly((byte) 0xff, 'x');
        assertThat(parked.headers()).containsEntry("type", "OrderTeleported");
        assertThat(store.parkedCount()).isEqualTo(before + 1);

        store.stillParked(parked.id(), "unparseable: again", Instant.now());
        assertThat(store.deadLetter(parked.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(store.deadLetter(parked.id()).orElseThrow().reason()).isEqualTo("unparseable: again");

        OrderEvents order = anOrder(serials.incrementAndGet());
        store.replayed(parked.id(), ProjectionBatch.of(List.of(reading(order.last(), 1)), Instant.now()));
        assertThat(store.deadLetter(parked.id()).orElseThrow().replayedAt()).isNotNull();
        assertThat(store.find(order.orderNumber())).isPresent();
        assertThat(store.parkedCount()).isEqualTo(before);
        assertThat(new String(parked.value(), StandardCharsets.UTF_8)).endsWith("x");
        assertThat(new HashSet<>(store.parked(1000))).noneMatch(letter -> letter.id() == parked.id());
    }
}
