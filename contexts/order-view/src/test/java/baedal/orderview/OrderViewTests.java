package baedal.orderview;

import static baedal.orderview.OrderEvents.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.order.events.OrderEventStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderViewTests {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void buildsTheWholeDocumentFromTheEventsSnapshot() {
        OrderEvents order = anOrder(7).throughDelivery();

        OrderView view = OrderView.of(order.last(), SEOUL);

        assertThat(view.orderNo()).isEqualTo(order.orderNo());
        assertThat(view.status()).isEqualTo(OrderEventStatus.DELIVERED);
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.lastEventId()).isEqualTo(order.last().eventId());
        assertThat(view.member()).isEqualTo(new OrderView.Member(1001, "회원 1001"));
        assertThat(view.shop()).isEqualTo(new OrderView.Shop(1, "바삭치킨 역삼점"));
        assertThat(view.items()).hasSize(2);
        assertThat(view.items().getFirst().options()).extracting(OrderView.Option::name).containsExactly("순살", "치즈볼");
        assertThat(view.items().getFirst().lineTotal()).isEqualTo(52_000);
        assertThat(view.payment()).isEqualTo(new OrderView.Payment(56_500, 3_000, 59_500, 59_500));
        assertThat(view.deliveryAddress().zipCode()).isEqualTo("06236");
        assertThat(view.rider()).isEqualTo(new OrderView.Rider(501));
        assertThat(view.cookingMinutes()).isEqualTo(20);
        assertThat(view.timeline()).extracting(OrderView.Step::status).containsExactly(OrderEventStatus.PLACED,
                OrderEventStatus.ACCEPTED, OrderEventStatus.RIDER_DISPATCHED, OrderEventStatus.RIDER_AT_SHOP, OrderEventStatus.PICKED_UP,
                OrderEventStatus.DELIVERED);
        assertThat(view.timeline().getFirst().at()).isEqualTo(OrderEvents.PLACED_AT);
    }

    @Test
    void hasNoRiderBeforeDispatch() {
        OrderView view = OrderView.of(anOrder(8).accepted().last(), SEOUL);

        assertThat(view.rider()).isNull();
        assertThat(view.timeline()).hasSize(2);
    }

    @Test
    void placesTheOrderOnTheShopsBusinessDayInSeoul() {
        OrderView view = OrderView.of(anOrder(9).last(), SEOUL);

        assertThat(view.placedAt()).isEqualTo(OrderEvents.PLACED_AT);
        assertThat(view.placedDate()).as("16:30 UTC is 01:30 the next day in Seoul").isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void namesTheStatusOfEveryTimelineTime() {
        assertThat(OrderView.statusOf("riderAtShopAt")).isEqualTo(OrderEventStatus.RIDER_AT_SHOP);
        assertThat(OrderView.statusOf("riderDispatchedAt")).isEqualTo(OrderEventStatus.RIDER_DISPATCHED);
        assertThat(OrderView.statusOf("pickedUpAt")).isEqualTo(OrderEventStatus.PICKED_UP);
        assertThatThrownBy(() -> OrderView.statusOf("teleportedAt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderView.timeline(Map.of("placed", OrderEvents.PLACED_AT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
