package baedal.order;

import static baedal.order.OrderFixtures.aPlacedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.kernel.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    private static final Instant NOON = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void placesAnOrderAtVersionOneWithItsPlacementTime() {
        Order.Placement placement = aPlacedOrder();

        assertThat(placement.order().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placement.event().version()).isEqualTo(1);
        assertThat(placement.order().snapshot().timeline()).containsEntry(OrderStatus.PLACED, OrderFixtures.PLACED_AT);
        assertThat(placement.order().totalAmount()).isEqualTo(Money.won(59_500));
    }

    @Test
    void refusesAPaymentAmountOtherThanTheTotal() {
        assertThatThrownBy(() -> Order.place(OrderNo.issue(1, new baedal.sharding.ShardNo(0)), new MemberId(1),
                new Order.ShopRef(1, "바삭치킨 역삼점"), OrderFixtures.chickenLines(), OrderFixtures.ADDRESS,
                Money.won(3_000), Money.won(59_000), "", "", NOON))
                .isInstanceOf(PaymentAmountMismatch.class);
    }

    @Test
    void movesThroughTheWholeLifecycleRaisingOneEventPerStep() {
        Order order = aPlacedOrder().order();

        List<OrderEvent> events = List.of(
                order.accept(20, NOON),
                order.dispatch(new RiderId(7), NOON.plusSeconds(60)),
                order.arriveAtShop(NOON.plusSeconds(900)),
                order.pickUp(NOON.plusSeconds(1200)),
                order.deliver(NOON.plusSeconds(2400)));

        assertThat(events).extracting(OrderEvent::type).containsExactly("OrderAccepted", "RiderDispatched",
                "RiderArrivedAtShop", "OrderPickedUp", "OrderDelivered");
        assertThat(events).extracting(OrderEvent::version).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.snapshot().timeline()).containsEntry(OrderStatus.DELIVERED, NOON.plusSeconds(2400)).hasSize(6);
        assertThat(order.snapshot().rider()).isEqualTo(new RiderId(7));
    }

    @Test
    void refusesToPickUpAnOrderThatNoRiderReachedYet() {
        Order order = aPlacedOrder().order();
        order.accept(20, NOON);

        assertThatThrownBy(() -> order.pickUp(NOON)).isInstanceOf(TransitionRefused.class);
        assertThat(order.version()).isEqualTo(2);
    }

    @Test
    void refusesToRejectAnAcceptedOrder() {
        Order order = aPlacedOrder().order();
        order.accept(20, NOON);

        assertThatThrownBy(() -> order.reject("재료 소진", NOON)).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void cancelsAPlacedOrAcceptedOrderButNotADispatchedOne() {
        Order placed = aPlacedOrder().order();
        Order accepted = aPlacedOrder().order();
        accepted.accept(10, NOON);
        Order dispatched = aPlacedOrder().order();
        dispatched.accept(10, NOON);
        dispatched.dispatch(new RiderId(3), NOON);
        Cancellation why = new Cancellation(Cancellation.By.MEMBER, "주소를 잘못 입력했어요");

        placed.cancel(why, NOON);
        accepted.cancel(why, NOON);

        assertThat(placed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(accepted.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> dispatched.cancel(why, NOON)).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void neverChangesATerminalOrder() {
        Order rejected = aPlacedOrder().order();
        rejected.reject("영업 종료", NOON);

        assertThat(OrderStatus.REJECTED.isTerminal()).isTrue();
        assertThatThrownBy(() -> rejected.accept(10, NOON)).isInstanceOf(TransitionRefused.class);
        assertThatThrownBy(() -> rejected.cancel(new Cancellation(Cancellation.By.OPERATOR, "중복"), NOON))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void rejectsCookingMinutesOutsideOneToThreeHours() {
        Order order = aPlacedOrder().order();

        assertThatThrownBy(() -> order.accept(0, NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.accept(181, NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void restoresTheSameStateFromItsSnapshot() {
        Order order = aPlacedOrder().order();
        order.accept(25, NOON);

        assertThat(Order.restore(order.snapshot()).snapshot()).isEqualTo(order.snapshot());
    }
}
