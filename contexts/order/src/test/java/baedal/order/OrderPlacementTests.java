package baedal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.catalog.SelectionRejected;
import baedal.kernel.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPlacementTests {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private final InMemoryOrders orders = new InMemoryOrders();
    private final OrderPlacement placement = new OrderPlacement(new InMemoryCatalog(), orders,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static PlaceOrder twoChickens(long paymentAmount) {
        return new PlaceOrder(new MemberId(1001), 1, List.of(new PlaceOrder.Item(101, 2, List.of(1002L))),
                OrderFixtures.ADDRESS, Money.won(paymentAmount), "", "");
    }

    @Test
    void pricesTheOrderFromTheCatalog() {
        Orders.Placed placed = placement.place(new IdempotencyKey("k-1"), twoChickens(47_000));

        assertThat(placed.created()).isTrue();
        assertThat(placed.order().itemsTotal()).isEqualTo(Money.won(44_000));
        assertThat(placed.order().totalAmount()).isEqualTo(Money.won(47_000));
        assertThat(placed.order().timeline()).containsEntry(OrderStatus.PLACED, NOW);
    }

    @Test
    void refusesAPaymentAmountThatDiffersFromTheCatalogTotal() {
        assertThatThrownBy(() -> placement.place(new IdempotencyKey("k-2"), twoChickens(46_000)))
                .isInstanceOf(PaymentAmountMismatch.class);
        assertThat(orders.count()).isZero();
    }

    @Test
    void refusesItemsBelowTheShopsMinimumOrderAmount() {
        PlaceOrder tooSmall = new PlaceOrder(new MemberId(1), 1, List.of(new PlaceOrder.Item(104, 1, List.of())),
                OrderFixtures.ADDRESS, Money.won(7_500), "", "");

        assertThatThrownBy(() -> placement.place(new IdempotencyKey("k-3"), tooSmall)).isInstanceOf(BelowMinimumOrder.class);
        assertThat(orders.count()).isZero();
    }

    @Test
    void returnsTheFirstOrderForARetryEvenAfterThePriceChanged() {
        Orders.Placed first = placement.place(new IdempotencyKey("k-4"), twoChickens(47_000));
        OrderPlacement afterPriceRise = new OrderPlacement(new InMemoryCatalog(21_000), orders,
                Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));

        Orders.Placed retry = afterPriceRise.place(new IdempotencyKey("k-4"), twoChickens(47_000));

        assertThat(retry.created()).isFalse();
        assertThat(retry.order()).isEqualTo(first.order());
        assertThat(orders.count()).isEqualTo(1);
    }

    @Test
    void passesOnTheCatalogsRefusal() {
        PlaceOrder unknownMenu = new PlaceOrder(new MemberId(1), 1, List.of(new PlaceOrder.Item(999, 1, List.of())),
                OrderFixtures.ADDRESS, Money.won(10_000), "", "");

        assertThatThrownBy(() -> placement.place(new IdempotencyKey("k-5"), unknownMenu))
                .isInstanceOf(SelectionRejected.class);
    }

    @Test
    void refusesAKeyReusedForAnotherOrder() {
        placement.place(new IdempotencyKey("k-6"), twoChickens(47_000));
        PlaceOrder other = new PlaceOrder(new MemberId(1001), 1, List.of(new PlaceOrder.Item(101, 3, List.of(1001L))),
                OrderFixtures.ADDRESS, Money.won(63_000), "", "");

        assertThatThrownBy(() -> placement.place(new IdempotencyKey("k-6"), other)).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(orders.count()).isEqualTo(1);
    }
}
