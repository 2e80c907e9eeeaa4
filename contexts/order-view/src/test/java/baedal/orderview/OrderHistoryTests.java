package baedal.orderview;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.OrderEvents.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OrderHistoryTests {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final InMemoryOrderViewStore store = new InMemoryOrderViewStore();
    private final ViewVersions versions = new ViewVersions();
    private final OrderHistory history = new OrderHistory(store, versions,
            Clock.fixed(Instant.parse("2026-11-24T16:00:00Z"), SEOUL), SEOUL, Duration.ofMillis(300));

    private void project(OrderEvents order) {
        ProjectionBatch.Written written = store.write(ProjectionBatch.of(
                order.events().stream().map(event -> reading(event, 0)).toList(), Instant.now()));
        versions.advanced(written.versions());
    }

    @Test
    void pagesThroughAMembersOrdersNewestFirstEachOnce() {
        for (int i = 0; i < 7; i++) {
            project(anOrder(100 + i, 42, OrderEvents.PLACED_AT.plusSeconds(i % 3)));
        }
        Set<String> seen = new HashSet<>();
        PageCursor cursor = null;
        int pages = 0;
        do {
            OrderHistory.Page page = history.memberOrders(42, OrderViewStore.HistoryFilter.all(), cursor, 3);
            page.items().forEach(view -> assertThat(seen.add(view.orderNo())).as(view.orderNo()).isTrue());
            cursor = page.next() == null ? null : PageCursor.decode(page.next().encode());
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void answersAtOnceWhenTheVersionIsThere() throws Exception {
        OrderEvents order = anOrder(120).accepted();
        project(order);

        OrderHistory.Found found = history.find(order.orderNumber(), 2);

        assertThat(found.stale()).isFalse();
        assertThat(found.view().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void waitsForTheProjectionToReachTheVersion() throws Exception {
        OrderEvents order = anOrder(121);
        project(order);
        order.accepted();

        CompletableFuture<OrderHistory.Found> read = CompletableFuture.supplyAsync(() -> {
            try {
                return history.find(order.orderNumber(), 2);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        Thread.sleep(50);
        project(order);

        assertThat(read.get().stale()).isFalse();
        assertThat(read.get().view().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void saysStaleWhenTheVersionDoesNotArriveInTime() throws Exception {
        OrderEvents order = anOrder(122);
        project(order);

        OrderHistory.Found found = history.find(order.orderNumber(), 5);

        assertThat(found.stale()).isTrue();
        assertThat(found.view().orElseThrow().version()).isEqualTo(1);
        assertThat(versions.waitingOrders()).isZero();
    }

    @Test
    void tellsTodayInTheShopsZone() {
        assertThat(history.today()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(List.of(history.startOf(LocalDate.of(2026, 11, 25))))
                .containsExactly(Instant.parse("2026-11-24T15:00:00Z"));
    }
}
